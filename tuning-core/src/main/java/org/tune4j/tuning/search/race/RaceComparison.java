package org.tune4j.tuning.search.race;

import java.util.Objects;

/**
 * One config's row of a racing decision: how it compares with the current best config and
 * whether it stays in the race. The best config's row has {@code estimate}, {@code stdErr},
 * {@code lower} and {@code upper} all 0 and passes, as in finetune.
 *
 * <p>For {@link RaceAnova}, {@code estimate} is the config's mean difference from the best in
 * metric units (negative when maximizing) and {@code [lower, upper]} the Wald interval; for
 * {@link RaceWinLoss}, {@code estimate} is the Bradley–Terry ability relative to the best (log
 * odds of winning a resample). Statistics are NaN where no test was possible (see the decision's
 * notes) or the config was eliminated by a rule rather than a test. Immutable.
 *
 * @param configId the config
 * @param n the number of resamples with a finite estimate
 * @param mean the mean of those estimates
 * @param estimate the difference from (or ability relative to) the best config
 * @param stdErr the standard error of {@code estimate}
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param pass whether the config stays in the race
 */
public record RaceComparison(String configId, int n, double mean, double estimate,
    double stdErr, double lower, double upper, boolean pass) {

  /** Validates. */
  public RaceComparison {
    Objects.requireNonNull(configId, "configId");
    if (n < 0) {
      throw new IllegalArgumentException("n is " + n + "; a count of resamples is 0 or more");
    }
  }

  /** The best config's row: all statistics 0, passing. */
  static RaceComparison best(String configId, int n, double mean) {
    return new RaceComparison(configId, n, mean, 0, 0, 0, 0, true);
  }

  /** A row without a test: NaN statistics. */
  static RaceComparison untested(String configId, int n, double mean, boolean pass) {
    return new RaceComparison(configId, n, mean, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, pass);
  }

  /** This row with {@code pass} replaced. */
  RaceComparison withPass(boolean newPass) {
    return new RaceComparison(configId, n, mean, estimate, stdErr, lower, upper, newPass);
  }
}
