package org.tune4j.tuning.search.bayes;

import java.util.Objects;

/**
 * tune's {@code tune_bayes} options: {@code initial} space-filling candidates (5) fitted first,
 * then up to {@code iter} iterations (10) of proposals, stopping after {@code no_improve}
 * iterations without a better mean (10); after every {@code uncertain} iterations without
 * improvement (never by default) an uncertainty sample is taken instead of the acquisition's best;
 * the acquisition function ({@link Acquisition#expImprove()} by default); and, beyond tune,
 * {@code batch} candidates proposed per iteration (1, tune's rule; more by kriging believer, so
 * every thread stays busy). Immutable.
 *
 * <pre>{@code
 * BayesOptions o = BayesOptions.defaults().iter(20).acquisition(Acquisition.confBound(0.1)).batch(2);
 * }</pre>
 *
 * @param initial candidates of the initial space-filling design, at least 2
 * @param iter the most iterations after it, at least 1
 * @param noImprove iterations without improvement before the search stops, at least 1
 * @param uncertain iterations without improvement before an uncertainty sample ({@link Integer#MAX_VALUE}: never)
 * @param acquisition how candidates are scored
 * @param batch candidates proposed per iteration, at least 1
 */
public record BayesOptions(int initial, int iter, int noImprove, int uncertain, Acquisition acquisition, int batch) {
  /** Validates, naming the value and the fix. */
  public BayesOptions {
    if (initial < 2) {
      throw new IllegalArgumentException("initial = " + initial + ": the Gaussian process needs at least 2 evaluated"
          + " candidates; give 2 or more (tune's default is 5; more than the number of parameters is best)");
    }
    if (iter < 1) {
      throw new IllegalArgumentException("iter = " + iter + " must be at least 1 (tune's default is 10)");
    }
    if (noImprove < 1) {
      throw new IllegalArgumentException("no_improve = " + noImprove + " must be at least 1 (tune's default is 10)");
    }
    if (uncertain < 1) {
      throw new IllegalArgumentException("uncertain = " + uncertain + " must be at least 1 (default: never)");
    }
    Objects.requireNonNull(acquisition, "acquisition");
    if (batch < 1 || batch > 64) {
      throw new IllegalArgumentException("batch = " + batch + " must be 1..64 (1 is tune's rule)");
    }
  }

  /** tune's defaults: 5 initial, 10 iterations, stop after 10 without improvement, no uncertainty samples, EI. */
  public static BayesOptions defaults() {
    return new BayesOptions(5, 10, 10, Integer.MAX_VALUE, Acquisition.expImprove(), 1);
  }

  /** With {@code n} initial candidates. */
  public BayesOptions initial(int n) {
    return new BayesOptions(n, iter, noImprove, uncertain, acquisition, batch);
  }

  /** With at most {@code n} iterations. */
  public BayesOptions iter(int n) {
    return new BayesOptions(initial, n, noImprove, uncertain, acquisition, batch);
  }

  /** Stopping after {@code n} iterations without improvement. */
  public BayesOptions noImprove(int n) {
    return new BayesOptions(initial, iter, n, uncertain, acquisition, batch);
  }

  /** An uncertainty sample after every {@code n} iterations without improvement. */
  public BayesOptions uncertain(int n) {
    return new BayesOptions(initial, iter, noImprove, n, acquisition, batch);
  }

  /** With acquisition {@code a}. */
  public BayesOptions acquisition(Acquisition a) {
    return new BayesOptions(initial, iter, noImprove, uncertain, a, batch);
  }

  /** With {@code q} proposals per iteration. */
  public BayesOptions batch(int q) {
    return new BayesOptions(initial, iter, noImprove, uncertain, acquisition, q);
  }
}
