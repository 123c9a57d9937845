package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tune4j.resampling.Resamples;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.search.Decision;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.SearchState;
import org.tune4j.tuning.search.SearchStrategy;

/**
 * finetune's racing over a grid: every candidate on the first {@code burn_in} resamples, then after
 * each resample the {@link RaceRule} drops the candidates that are clearly worse than the best on
 * the first metric, and the survivors go on to the next resample. Two finalists tied for
 * {@code num_ties} rounds are settled by their means; a lone survivor gets every remaining resample
 * in one round. Pure in the {@link SearchState} (the resample order comes from the run's seed), so
 * a resumed race decides as the killed one did. Immutable.
 *
 * <pre>{@code
 * TuneResults res = Tune.search(spec, folds, RacingSearch.anova(grid, RacingOptions.defaults()), control);
 * }</pre>
 */
public final class RacingSearch implements SearchStrategy {
  private final Grid grid;
  private final RaceRule rule;
  private final RacingOptions options;

  private RacingSearch(Grid grid, RaceRule rule, RacingOptions options) {
    this.grid = grid;
    this.rule = rule;
    this.options = options;
  }

  /** A race over {@code grid} decided by {@code rule}. */
  public static RacingSearch of(Grid grid, RaceRule rule, RacingOptions options) {
    return new RacingSearch(java.util.Objects.requireNonNull(grid, "grid"), java.util.Objects.requireNonNull(rule,
        "rule"), java.util.Objects.requireNonNull(options, "options"));
  }

  @Override
  public String name() {
    return rule.name();
  }

  /** The options. */
  public RacingOptions options() {
    return options;
  }

  @Override
  public Optional<Round> next(SearchState state) {
    int n = state.resamples().size();
    List<Integer> order = order(state.resamples(), state.seed(), options.randomize());
    String metric = state.firstMetric();
    Direction direction = state.metrics().metric(metric).direction();
    if (state.rounds().isEmpty()) {
      if (n < options.burnIn()) {
        throw new IllegalArgumentException("the race's burn_in is " + options.burnIn() + " but there are only " + n
            + " resamples; lower burn_in or use more resamples (a race needs more resamples than its burn-in to save"
            + " fits)");
      }
      String msg = String.format(Locale.ROOT, "Racing will %s the %s metric.%s", direction.biggerIsBetter()
          ? "maximize" : "minimize", metric, options.randomize() ? " Resamples are analyzed in a random order." : "");
      return Optional.of(new Round(1, grid.candidates(), order.subList(0, options.burnIn()), List.of(), msg));
    }
    List<Integer> evaluated = state.resamplesEvaluated();
    if (evaluated.size() >= n) {
      return Optional.empty();
    }
    List<Candidate> racing = state.rounds().get(state.rounds().size() - 1).candidates();
    List<Integer> remaining = order.subList(evaluated.size(), n);
    int number = state.rounds().size() + 1;
    if (racing.size() == 1) {
      return Optional.of(new Round(number, racing, remaining, List.of(), ""));
    }
    List<String> ids = racing.stream().map(Candidate::configId).toList();
    double[][] est = state.estimates(metric, ids, evaluated);
    RaceRule.Verdict verdict = rule.decide(ids, evaluated.stream().map(state::resampleId).toList(), est, direction,
        options.alpha());
    List<String> kept = new ArrayList<>(verdict.kept());
    List<Decision> decisions = new ArrayList<>(verdict.decisions());
    if (kept.size() == 2 && tiedRounds(state) >= options.numTies()) {   // RaceTies' rule, on the rounds so far
      String loser = worseByMean(kept, ids, est, direction);
      kept.remove(loser);
      decisions.add(Decision.of("tie_break", loser, Map.of("rounds", (double) options.numTies()), "two finalists tied"
          + " for " + options.numTies() + " rounds (num_ties); the one with the better mean goes on"));
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Candidate> byId = new LinkedHashMap<>();
    racing.forEach(c -> byId.put(c.configId(), c));
    List<Candidate> next = kept.stream().map(byId::get).toList();
    String last = state.resampleId(evaluated.get(evaluated.size() - 1));
    int dropped = racing.size() - next.size();
    String msg = next.size() == 1
        ? String.format(Locale.ROOT, "%s: All but one parameter combination were eliminated.", last)
        : String.format(Locale.ROOT, "%s: %s; %d candidates remain.", last,
            dropped == 0 ? "0 eliminated" : dropped + " eliminated", next.size());
    List<Integer> resamples = next.size() == 1 ? remaining : remaining.subList(0, 1);
    return Optional.of(new Round(number, next, resamples, decisions, msg));
  }

  /**
   * finetune's {@code num_ties} counter: how many decisions that steered earlier rounds (the burn-in's first) kept
   * exactly two candidates, i.e. the rounds after the first that raced two (see {@link RaceTies}).
   */
  private static int tiedRounds(SearchState state) {
    int count = 0;
    for (int r = state.rounds().size() - 1; r >= 1 && state.rounds().get(r).candidates().size() == 2; r--) {
      count++;
    }
    return count;
  }

  private static String worseByMean(List<String> two, List<String> ids, double[][] est, Direction direction) {
    double a = SearchState.meanOf(est[ids.indexOf(two.get(0))]);
    double b = SearchState.meanOf(est[ids.indexOf(two.get(1))]);
    boolean firstBetter = direction.biggerIsBetter() ? a >= b : a <= b;
    return firstBetter ? two.get(1) : two.get(0);
  }


  /**
   * The order resamples are raced in: as given, or shuffled by {@code seed} (finetune's {@code randomize}); repeats of
   * repeated cross-validation keep their order and are shuffled within.
   */
  static List<Integer> order(Resamples resamples, long seed, boolean randomize) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < resamples.size(); i++) {
      out.add(i);
    }
    if (!randomize) {
      return out;
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < resamples.size(); i++) {
      var s = resamples.get(i);
      groups.computeIfAbsent(s.id2().isPresent() ? s.id() : "", k -> new ArrayList<>()).add(i);
    }
    out.clear();
    for (List<Integer> g : groups.values()) {
      for (int i = g.size() - 1; i > 0; i--) {   // Fisher–Yates
        int j = random.nextInt(i + 1);
        Integer t = g.get(i);
        g.set(i, g.get(j));
        g.set(j, t);
      }
      out.addAll(g);
    }
    return out;
  }
}
