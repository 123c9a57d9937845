package org.tune4j.tuning.search.bayes;

/**
 * The Matérn correlation of the Gaussian process over the numeric coordinates, as a function of
 * the scaled distance {@code r = sqrt(sum_j theta_j (x_j - y_j)^2)} with {@code theta_j =
 * 10^beta_j} per coordinate (GauPro's parametrisation: length scale {@code 1 / sqrt(theta_j)}).
 */
public enum Kernel {
  /**
   * Matérn 3/2: {@code (1 + sqrt(3) r) exp(-sqrt(3) r)}; tune 2.x's {@code
   * GauPro::k_Matern32}.
   */
  MATERN_3_2 {
    @Override
    public double correlation(double r) {
      double t = SQRT3 * r;
      return (1 + t) * Math.exp(-t);
    }
  },
  /**
   * Matérn 5/2: {@code (1 + sqrt(5) r + 5 r^2 / 3) exp(-sqrt(5) r)}; tune 1.x's
   * {@code GPfit} kernel and the usual choice for Bayesian optimisation.
   */
  MATERN_5_2 {
    @Override
    public double correlation(double r) {
      double t = SQRT5 * r;
      return (1 + t + t * t / 3) * Math.exp(-t);
    }
  };

  private static final double SQRT3 = Math.sqrt(3);
  private static final double SQRT5 = Math.sqrt(5);

  /** The correlation at scaled distance {@code r >= 0}; 1 at 0, falling towards 0. */
  public abstract double correlation(double r);
}
