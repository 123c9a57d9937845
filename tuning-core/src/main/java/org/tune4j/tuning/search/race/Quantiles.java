package org.tune4j.tuning.search.race;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;

/** The quantiles racing uses, to double precision, and the check of {@code alpha}. Stateless. */
final class Quantiles {

  private Quantiles() {}

  /** The standard normal quantile, as R's {@code qnorm(p)}. */
  static double normal(double p) {
    return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
  }

  /** Student's t quantile on {@code df} degrees of freedom, as R's {@code qt(p, df)}. */
  static double t(double p, double df) {
    if (df == 1) {
      return Math.tan(Math.PI * (p - 0.5));
    }
    return new TDistribution(null, df, 1e-15).inverseCumulativeProbability(p);
  }

  /** Checks a racing {@code alpha}, as finetune's {@code control_race}. */
  static void checkAlpha(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha is " + alpha + "; it should be on (0, 1), "
          + "e.g. 0.05 (control_race's default)");
    }
  }
}
