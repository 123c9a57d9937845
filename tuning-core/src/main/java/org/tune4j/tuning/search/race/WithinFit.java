package org.tune4j.tuning.search.race;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The least-squares fit of {@code y ~ config + resample} with fixed resample effects, any
 * pattern of missing cells: the limit of the REML fit as the resample variance dominates the
 * residual one. Absorbing the resample effects leaves {@code L β = t} with
 * {@code L = diag(n_i) − Σ_j c_j c_j' / m_j} and {@code t_i = Σ_j (y_ij − ȳ_.j)} over the
 * resamples of config i; the reference config's effect is fixed at 0. Well conditioned where
 * the GLS at a huge variance ratio is not.
 *
 * @param beta config effects relative to the reference (its entry is 0)
 * @param unscaled the covariance of {@code beta} over σ² (reference row and column 0)
 * @param sse the residual sum of squares
 */
record WithinFit(double[] beta, double[][] unscaled, double sse) {

  /** The fit, or null when the configs are not all connected through shared resamples. */
  static WithinFit of(double[][] y, int reference) {
    int k = y.length;
    int b = y[0].length;
    double[][] l = new double[k][k];
    double[] t = new double[k];
    for (int j = 0; j < b; j++) {
      int m = 0;
      double sum = 0;
      for (int i = 0; i < k; i++) {
        if (!Double.isNaN(y[i][j])) {
          m++;
          sum += y[i][j];
        }
      }
      for (int i = 0; i < k; i++) {
        if (Double.isNaN(y[i][j])) {
          continue;
        }
        l[i][i] += 1;
        t[i] += y[i][j] - sum / m;
        for (int c = 0; c < k; c++) {
          if (!Double.isNaN(y[c][j])) {
            l[i][c] -= 1.0 / m;
          }
        }
      }
    }
    double[][] reduced = new double[k - 1][k - 1];
    double[] rhs = new double[k - 1];
    for (int i = 0, r = 0; i < k; i++) {
      if (i == reference) {
        continue;
      }
      rhs[r] = t[i];
      for (int c = 0, s = 0; c < k; c++) {
        if (c != reference) {
          reduced[r][s++] = l[i][c];
        }
      }
      r++;
    }
    RealMatrix inverse;
    try {
      inverse = new CholeskyDecomposition(MatrixUtils.createRealMatrix(reduced), 1e-10, 1e-12)
          .getSolver().getInverse();
    } catch (NonPositiveDefiniteMatrixException e) {
      return null;
    }
    double[] solved = inverse.operate(rhs);
    double[] beta = new double[k];
    double[][] unscaled = new double[k][k];
    for (int i = 0, r = 0; i < k; i++) {
      if (i == reference) {
        continue;
      }
      beta[i] = solved[r];
      for (int c = 0, s = 0; c < k; c++) {
        if (c != reference) {
          unscaled[i][c] = inverse.getEntry(r, s++);
        }
      }
      r++;
    }
    return new WithinFit(beta, unscaled, residuals(y, beta));
  }

  private static double residuals(double[][] y, double[] beta) {
    double sse = 0;
    for (int j = 0; j < y[0].length; j++) {
      int m = 0;
      double sum = 0;
      for (int i = 0; i < y.length; i++) {
        if (!Double.isNaN(y[i][j])) {
          m++;
          sum += y[i][j] - beta[i];
        }
      }
      for (int i = 0; i < y.length; i++) {
        if (!Double.isNaN(y[i][j])) {
          double e = y[i][j] - beta[i] - sum / m;
          sse += e * e;
        }
      }
    }
    return sse;
  }
}
