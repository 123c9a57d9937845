package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.search.Decision;

/**
 * finetune's two elimination rules as {@link RaceRule}s for {@link RacingSearch}:
 * {@link #anova()} ({@code tune_race_anova}, {@link RaceAnova}) and {@link #winLoss()}
 * ({@code tune_race_win_loss}, {@link RaceWinLoss}). Each comparison becomes a {@link Decision}
 * ({@code keep} or {@code eliminate}) with its n, mean, estimate, std_err and interval; configs
 * with fewer resamples than the most are eliminated as finetune does; the analysis' notes on
 * degenerate cases become note decisions. Stateless.
 */
public final class RaceRules {
  private RaceRules() {}

  /** {@code tune_race_anova}'s rule: {@code estimate ~ config + (1 | resample)}, one-sided Wald intervals. */
  public static RaceRule anova() {
    return rule("race_anova", RaceAnova::testParameters);
  }

  /** {@code tune_race_win_loss}'s rule: Bradley–Terry abilities from wins and losses on common resamples. */
  public static RaceRule winLoss() {
    return rule("race_win_loss", RaceWinLoss::testParameters);
  }

  private static RaceRule rule(String name, BiFunction<RaceTable, Double, RaceDecision> test) {
    return new RaceRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Verdict decide(List<String> configIds, List<String> resampleIds, double[][] estimates,
          Direction direction, double alpha) {
        RaceDecision d = test.apply(RaceTable.of(direction, configIds, resampleIds, estimates), alpha);
        return verdict(configIds, d);
      }
    };
  }

  /** The verdict of a decision: passing configs in the order given, one decision per config, the notes. */
  static RaceRule.Verdict verdict(List<String> configIds, RaceDecision d) {
    List<String> passing = d.passing();
    List<String> kept = configIds.stream().filter(passing::contains).toList();
    List<Decision> decisions = new ArrayList<>();
    for (RaceComparison c : d.comparisons()) {
      Map<String, Double> v = new LinkedHashMap<>();
      v.put("n", (double) c.n());
      v.put("mean", c.mean());
      v.put("estimate", c.estimate());
      v.put("std_err", c.stdErr());
      v.put("lower", c.lower());
      v.put("upper", c.upper());
      String why = c.configId().equals(d.bestConfig()) ? "the current best"
          : c.pass() ? "its interval reaches the best" : "its interval excludes the best";
      decisions.add(Decision.of(c.pass() ? "keep" : "eliminate", c.configId(), v, why));
    }
    for (String id : d.notCompared()) {
      decisions.add(Decision.of("eliminate", id, Map.of(), "fewer resamples than the others (a failed fit)"));
    }
    d.notes().forEach(n -> decisions.add(Decision.note(n)));
    return new RaceRule.Verdict(kept, decisions);
  }
}
