package org.tune4j.tuning.search.bayes;

/**
 * The Gaussian process's prediction at one point, in the outcome's units (tune's {@code .mean}
 * and {@code .sd} columns).
 *
 * @param mean the predicted mean
 * @param sd the predicted standard deviation, at least {@code sqrt(nugget)} times the process
 *     scale
 */
public record GpPrediction(double mean, double sd) {

  /** Validates the values. */
  public GpPrediction {
    if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("prediction is mean " + mean + ", sd " + sd
          + "; give a finite mean and a finite sd >= 0");
    }
  }
}
