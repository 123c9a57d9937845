package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.List;

/**
 * The interim analysis of {@code tuneRaceWinLoss}, as finetune's {@code test_parameters_bt}:
 * among the configs with the most resamples, each pair plays a game on every common resample
 * (the better estimate wins, a tie is half a game each), and a Bradley–Terry model of the win
 * counts ({@code BradleyTerry2::BTm(br = TRUE)}, i.e. Firth-penalized) gives every config an
 * ability relative to the config with the most wins. A config stays while
 * {@code ability + qt(1 − alpha, 1) · stdErr > 0} and {@code stdErr < 500}.
 *
 * <p>Before the model, as finetune: a config whose estimate is the same on every resample is
 * eliminated (zero variance), and so is a config that wins no game at all ("skunked"; the
 * season is then replayed without those, once). If fewer than two configs are left the one
 * left is the best ("mercy rule"). Eliminated configs get NaN statistics. Ties in wins:
 * candidate order picks the best.
 *
 * <p>Differences from finetune, each with a note where it applies: the configs compared are
 * those with the most finite estimates (finetune counts metric rows, NA ones included); with a
 * single resample, or when the zero-variance rule would eliminate every config, nobody is
 * eliminated by it (finetune would eliminate them all and then fail); when no two configs share
 * a resample, or the contests do not connect the configs, nobody is eliminated (BTm fails).
 * Degenerate tables never throw. Stateless and thread-safe.
 *
 * <pre>{@code
 * RaceDecision d = RaceWinLoss.testParameters(table, 0.05);
 * d.passing();
 * }</pre>
 */
public final class RaceWinLoss {

  /** finetune drops a config whose ability's standard error is this large or larger. */
  static final double MAX_STD_ERR = 500;

  private RaceWinLoss() {}

  /**
   * Plays the season among the configs with the most resamples and tests every ability against
   * the best's.
   *
   * @param alpha finetune's {@code control_race(alpha)}, on (0, 1)
   * @throws IllegalArgumentException if {@code alpha} is not on (0, 1)
   */
  public static RaceDecision testParameters(RaceTable table, double alpha) {
    Quantiles.checkAlpha(alpha);
    Finalists f = Finalists.of(table);
    List<String> notes = new ArrayList<>(f.notes());
    Integer[] byMean = f.byMean();
    if (f.maxCount() == 0) {
      notes.add("no config has an estimate yet; none is eliminated");
      return RaceAnova.untested(f, byMean, notes);
    }
    if (f.size() == 1) {
      notes.add("only " + f.configId(0) + " has the most resamples (" + f.maxCount()
          + "); there is nothing to compare it with");
      return RaceAnova.untested(f, byMean, notes);
    }
    if (f.resampleCount() == 1) {
      notes.add("only one resample (" + f.resampleId(0) + ") has estimates, so every config "
          + "would have zero variance; none is eliminated");
      return RaceAnova.untested(f, byMean, notes);
    }
    List<Integer> eliminated = zeroVariance(f);
    if (eliminated.size() == f.size()) {
      notes.add("every config has the same estimate on every resample (zero variance); the "
          + "zero-variance rule would eliminate them all, so it is not applied");
      eliminated.clear();
    }
    List<Integer> teams = new ArrayList<>();
    for (int i = 0; i < f.size(); i++) {
      if (!eliminated.contains(i)) {
        teams.add(i);
      }
    }
    Season season = Season.play(f, teams);
    List<Integer> skunked = teams.size() >= 2 ? season.skunked() : List.of();
    if (!skunked.isEmpty()) {
      eliminated.addAll(skunked);
      teams.removeAll(skunked);
      season = Season.play(f, teams);
    }
    if (teams.isEmpty()) {
      notes.add("no two configs share a resample, so no game was played; none is eliminated");
      return RaceAnova.untested(f, byMean, notes);
    }
    if (teams.size() == 1) {
      return withEliminated(f, List.of(RaceComparison.best(f.configId(teams.get(0)),
          f.maxCount(), f.mean(teams.get(0)))), eliminated, notes);
    }
    return modeled(f, season, eliminated, alpha, notes);
  }

  private static RaceDecision modeled(Finalists f, Season season, List<Integer> eliminated,
      double alpha, List<String> notes) {
    Integer[] ranking = season.ranking();
    int reference = ranking[0];
    List<Integer> players = season.players();
    BradleyTerry.Fit fit = BradleyTerry.fit(players.size(), reference, season.contests());
    List<RaceComparison> rows = new ArrayList<>();
    int best = players.get(reference);
    rows.add(RaceComparison.best(f.configId(best), f.maxCount(), f.mean(best)));
    if (fit == null) {
      notes.add("the configs' common resamples do not connect them all, so no Bradley-Terry "
          + "abilities can be estimated; none of the remaining configs is eliminated");
    }
    double q = Quantiles.t(1 - alpha, 1);
    for (int r = 1; r < ranking.length; r++) {
      int p = ranking[r];
      int i = players.get(p);
      if (fit == null) {
        rows.add(f.untested(i, true));
        continue;
      }
      double value = fit.ability()[p];
      double se = fit.stdErr()[p];
      double upper = value + q * se;
      rows.add(new RaceComparison(f.configId(i), f.maxCount(), f.mean(i), value, se,
          value - q * se, upper, upper > 0 && se < MAX_STD_ERR));
    }
    return withEliminated(f, rows, eliminated, notes);
  }

  private static RaceDecision withEliminated(Finalists f, List<RaceComparison> rows,
      List<Integer> eliminated, List<String> notes) {
    List<RaceComparison> all = new ArrayList<>(rows);
    for (int i : eliminated) {
      all.add(f.untested(i, false));
    }
    return new RaceDecision(all.get(0).configId(), all, f.notCompared(), notes);
  }

  /** Configs whose estimates (missing ones included, as R's {@code unique}) are all equal. */
  private static List<Integer> zeroVariance(Finalists f) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < f.size(); i++) {
      boolean constant = true;
      double first = f.y(i, 0);
      for (int j = 1; j < f.resampleCount() && constant; j++) {
        double v = f.y(i, j);
        constant = Double.isNaN(first) ? Double.isNaN(v) : v == first;
      }
      if (constant) {
        out.add(i);
      }
    }
    return out;
  }
}
