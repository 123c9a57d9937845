package org.tune4j.tuning.search.race;

import java.util.List;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.search.Decision;

/**
 * Which candidates a race keeps after a resample: a pure function of the per-resample table of
 * the metric raced. finetune's two rules are {@code tune_race_anova}'s (a mixed model, one-sided
 * intervals against the best) and {@code tune_race_win_loss}'s (Bradley–Terry abilities). Stateless.
 */
public interface RaceRule {
  /** The search's name for journals and jobs: {@code race_anova} or {@code race_win_loss}. */
  String name();

  /**
   * The candidates kept, in the order given, and one decision per candidate compared (its numbers and why).
   *
   * @param configIds the candidates still racing
   * @param resampleIds the resamples evaluated so far, in race order (the columns)
   * @param estimates the metric of candidate i on resample j; NaN where it was not computed (a failed fit)
   * @param direction whether bigger is better
   * @param alpha the significance level of the intervals
   */
  Verdict decide(List<String> configIds, List<String> resampleIds, double[][] estimates, Direction direction,
      double alpha);

  /**
   * What a rule decided.
   *
   * @param kept the candidates that race on, in the order given (never empty when any candidate has a result)
   * @param decisions one per candidate compared, and notes on degenerate cases
   */
  record Verdict(List<String> kept, List<Decision> decisions) {
    /** Copies. */
    public Verdict {
      kept = List.copyOf(kept);
      decisions = List.copyOf(decisions);
    }
  }
}
