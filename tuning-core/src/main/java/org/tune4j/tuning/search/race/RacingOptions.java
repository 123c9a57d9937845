package org.tune4j.tuning.search.race;

/**
 * finetune's {@code control_race}: resamples every candidate gets before the first elimination
 * ({@code burn_in}, default 3, at least 2), the significance level of the one-sided intervals
 * ({@code alpha}, 0.05), how many rounds two tied finalists may last before the better mean wins
 * ({@code num_ties}, 10), and whether resamples are raced in an order shuffled by the run's seed
 * ({@code randomize}, true; repeats stay together, shuffled within each). Immutable.
 *
 * <pre>{@code
 * RacingOptions o = RacingOptions.defaults().burnIn(5).alpha(0.1);
 * }</pre>
 *
 * @param burnIn resamples before the first elimination, at least 2
 * @param alpha the significance level, in (0, 1)
 * @param numTies rounds two finalists may tie before the better mean wins, at least 1
 * @param randomize whether resamples are raced in a seeded random order
 */
public record RacingOptions(int burnIn, double alpha, int numTies, boolean randomize) {
  /** Validates, naming the value and the fix. */
  public RacingOptions {
    if (burnIn < 2) {
      throw new IllegalArgumentException("burn_in = " + burnIn + ": a race needs at least 2 resamples before it can"
          + " compare candidates; give 2 or more (finetune's default is 3)");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha = " + alpha + " must be between 0 and 1 (finetune's default is 0.05)");
    }
    if (numTies < 1) {
      throw new IllegalArgumentException("num_ties = " + numTies + " must be at least 1 (finetune's default is 10)");
    }
  }

  /** finetune's defaults: burn-in 3, alpha 0.05, 10 ties, randomized order. */
  public static RacingOptions defaults() {
    return new RacingOptions(3, 0.05, 10, true);
  }

  /** These options with {@code burnIn}. */
  public RacingOptions burnIn(int n) {
    return new RacingOptions(n, alpha, numTies, randomize);
  }

  /** These options with {@code alpha}. */
  public RacingOptions alpha(double a) {
    return new RacingOptions(burnIn, a, numTies, randomize);
  }

  /** These options with {@code numTies}. */
  public RacingOptions numTies(int n) {
    return new RacingOptions(burnIn, alpha, n, randomize);
  }

  /** These options with {@code randomize}. */
  public RacingOptions randomize(boolean r) {
    return new RacingOptions(burnIn, alpha, numTies, r);
  }
}
