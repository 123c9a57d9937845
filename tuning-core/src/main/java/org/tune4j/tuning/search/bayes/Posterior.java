package org.tune4j.tuning.search.bayes;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * The Gaussian process conditioned on standardised outcomes {@code z} at fixed correlation
 * parameters: the Cholesky factor of {@code R + nugget I}, the generalised-least-squares
 * constant mean, the process variance and the concentrated log-likelihood. Immutable.
 *
 * <p>When the factorisation fails the nugget is doubled and the factorisation retried (as
 * GauPro's {@code update_K_and_estimates()}), at most {@link #MAX_JITTER_DOUBLINGS} times.
 */
final class Posterior {

  /** How often the nugget may be doubled to make the matrix positive definite. */
  static final int MAX_JITTER_DOUBLINGS = 20;

  private final double[][] lower;
  private final double[] alpha;
  private final double mean;
  private final double variance;
  private final double nugget;
  private final double logLikelihood;

  private Posterior(double[][] lower, double[] alpha, double mean, double variance,
      double nugget, double logLikelihood) {
    this.lower = lower;
    this.alpha = alpha;
    this.mean = mean;
    this.variance = variance;
    this.nugget = nugget;
    this.logLikelihood = logLikelihood;
  }

  /**
   * Conditions on {@code z} with correlation matrix {@code corr} (no nugget on it), doubling the
   * nugget if the factorisation needs it.
   *
   * @throws GpFailure if the matrix stays singular or the variance estimate is not positive
   */
  static Posterior of(double[][] corr, double[] z, double nugget) {
    return of(corr, z, nugget, MAX_JITTER_DOUBLINGS);
  }

  /**
   * As {@link #of(double[][], double[], double)} but with the nugget as given: the likelihood
   * search uses it so that it stays where the matrix is positive definite without extra jitter.
   */
  static Posterior withoutJitter(double[][] corr, double[] z, double nugget) {
    return of(corr, z, nugget, 0);
  }

  private static Posterior of(double[][] corr, double[] z, double nugget, int doublings) {
    int n = z.length;
    double used = nugget;
    double[][] lower = null;
    for (int attempt = 0; attempt <= doublings && lower == null; attempt++) {
      double[][] k = new double[n][];
      for (int i = 0; i < n; i++) {
        k[i] = corr[i].clone();
        k[i][i] += used;
      }
      try {
        lower = new CholeskyDecomposition(new Array2DRowRealMatrix(k, false)).getL().getData();
      } catch (NonPositiveDefiniteMatrixException e) {
        used *= 2;
      }
    }
    if (lower == null) {
      throw new GpFailure("the correlation matrix is not positive definite even with nugget "
          + used / 2);
    }
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    double[] rinvOnes = solve(lower, ones);
    double[] rinvZ = solve(lower, z);
    double mu = dot(ones, rinvZ) / dot(ones, rinvOnes);
    double[] resid = new double[n];
    for (int i = 0; i < n; i++) {
      resid[i] = z[i] - mu;
    }
    double[] alpha = solve(lower, resid);
    double s2 = dot(resid, alpha) / n;
    if (!(s2 > 0) || !Double.isFinite(s2) || !Double.isFinite(mu)) {
      throw new GpFailure("the process variance estimate is " + s2 + " and the mean " + mu);
    }
    double logDet = 0;
    for (int i = 0; i < n; i++) {
      logDet += 2 * Math.log(lower[i][i]);
    }
    double ll = -0.5 * (n * Math.log(2 * Math.PI * s2) + logDet + n);
    return new Posterior(lower, alpha, mu, s2, used, ll);
  }

  /** {@code L^-1 b} by forward substitution. */
  double[] forward(double[] b) {
    return forward(lower, b);
  }

  private static double[] forward(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      double[] row = l[i];
      for (int k = 0; k < i; k++) {
        s -= row[k] * y[k];
      }
      y[i] = s / row[i];
    }
    return y;
  }

  /** {@code (L L^T)^-1 b}. */
  static double[] solve(double[][] l, double[] b) {
    double[] y = forward(l, b);
    int n = y.length;
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** {@code (R + nugget I)^-1}, column by column. */
  double[][] inverse() {
    int n = alpha.length;
    double[][] inv = new double[n][];
    for (int c = 0; c < n; c++) {
      double[] e = new double[n];
      e[c] = 1.0;
      inv[c] = solve(lower, e);
    }
    return inv;
  }

  /** {@code R^-1 (z - mean)}. */
  double[] alpha() {
    return alpha.clone();
  }

  double alpha(int i) {
    return alpha[i];
  }

  int size() {
    return alpha.length;
  }

  double mean() {
    return mean;
  }

  double variance() {
    return variance;
  }

  double nugget() {
    return nugget;
  }

  double logLikelihood() {
    return logLikelihood;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
