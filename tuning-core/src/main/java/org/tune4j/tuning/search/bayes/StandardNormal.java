package org.tune4j.tuning.search.bayes;

import org.apache.commons.math3.special.Erf;

/** R's {@code pnorm} and {@code dnorm} for the standard normal distribution. */
final class StandardNormal {

  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double SQRT2PI = Math.sqrt(2.0 * Math.PI);

  private StandardNormal() {}

  static double cdf(double x) {
    return 0.5 * Erf.erfc(-x / SQRT2);
  }

  static double pdf(double x) {
    return Math.exp(-0.5 * x * x) / SQRT2PI;
  }
}
