package org.tune4j.tuning.search.race;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The exact REML fit of {@code y ~ config + (1 | resample)} for any pattern of missing cells, as
 * lme4's {@code lmer} computes it (up to lme4's optimizer tolerance). With the variance ratio
 * {@code γ = σ²_resample / σ²} the profiled REML criterion is
 * {@code log|V| + log|X'V⁻¹X| + (N − k) log(r'V⁻¹r)}, minimized over {@code γ ≥ 0} by a scan on
 * a log grid and a Brent root of its analytic derivative around the grid's minimum.
 *
 * <p>Each resample's block splits into its within-resample deviations (weight 1, free of γ) and
 * its mean (weight {@code v_j = 1 / (γ + 1/m_j)}), and the config effects are taken relative to
 * a reference config after profiling out the overall level. That keeps every quantity free of
 * cancellation for huge ratios, where the GLS tends to the fixed-resample-effects fit.
 */
final class RandomInterceptReml {

  private static final int GRID_DECADES_LOW = -6;
  private static final int GRID_DECADES_HIGH = 30;

  private final double[][] y;
  private final int k;
  private final int b;
  private final int reference;
  private final int[] size;
  private final double[] resampleMean;
  private final double[][] share;
  private final double[][] within;
  private final double[] withinRhs;
  private final int observations;

  /**
   * The fit at the optimum.
   *
   * @param gamma the variance ratio σ²_resample / σ²
   * @param sigma2 the residual variance
   * @param beta config effects relative to the reference config (its entry 0)
   * @param unscaled the covariance of {@code beta} over σ² (reference row and column 0)
   * @param atUpperEnd whether the criterion still fell at the grid's largest ratio
   */
  record Fit(double gamma, double sigma2, double[] beta, double[][] unscaled,
      boolean atUpperEnd) {

    /** The standard error of {@code beta[i] − beta[j]}. */
    double diffStdErr(int i, int j) {
      double v = unscaled[i][i] + unscaled[j][j] - 2 * unscaled[i][j];
      return Math.sqrt(sigma2 * Math.max(v, 0));
    }
  }

  /** {@code y[config][resample]}, NaN for missing; every config and resample has a value. */
  RandomInterceptReml(double[][] y, int reference) {
    this.y = y;
    this.k = y.length;
    this.b = y[0].length;
    this.reference = reference;
    this.size = new int[b];
    this.resampleMean = new double[b];
    this.share = new double[b][k - 1];
    this.within = new double[k - 1][k - 1];
    this.withinRhs = new double[k - 1];
    int n = 0;
    for (int j = 0; j < b; j++) {
      for (int i = 0; i < k; i++) {
        if (!Double.isNaN(y[i][j])) {
          size[j]++;
          resampleMean[j] += y[i][j];
        }
      }
      n += size[j];
      resampleMean[j] /= size[j];
      for (int i = 0; i < k; i++) {
        if (!Double.isNaN(y[i][j]) && i != reference) {
          share[j][col(i)] = 1.0 / size[j];
          withinRhs[col(i)] += y[i][j] - resampleMean[j];
        }
      }
      for (int i = 0; i < k; i++) {
        if (Double.isNaN(y[i][j]) || i == reference) {
          continue;
        }
        within[col(i)][col(i)] += 1;
        for (int l = 0; l < k; l++) {
          if (!Double.isNaN(y[l][j]) && l != reference) {
            within[col(i)][col(l)] -= 1.0 / size[j];
          }
        }
      }
    }
    this.observations = n;
  }

  private int col(int config) {
    return config < reference ? config : config - 1;
  }

  /** The REML fit; requires {@code N > k}. */
  Fit fit() {
    double[] grid = grid();
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int g = 0; g < grid.length; g++) {
      double f = criterion(grid[g]);
      if (f < bestValue) {
        best = g;
        bestValue = f;
      }
    }
    if (best == grid.length - 1) {
      return at(grid[best], true);
    }
    if (best == 0 && derivative(0) >= 0) {
      return at(0, false);
    }
    double lo = best == 0 ? 0 : grid[best - 1];
    return at(minimize(lo, grid[best + 1]), false);
  }

  private double minimize(double lo, double hi) {
    try {
      if (derivative(lo) < 0 && derivative(hi) > 0) {
        return new BrentSolver(1e-15, hi * 1e-17, 1e-300)
            .solve(500, this::derivative, lo, hi);
      }
    } catch (MathIllegalStateException e) {
      // fall through to a direct minimization
    }
    return new BrentOptimizer(1e-14, hi * 1e-17).optimize(new MaxEval(1000),
        GoalType.MINIMIZE, new UnivariateObjectiveFunction(this::criterion),
        new SearchInterval(lo, hi)).getPoint();
  }

  private static double[] grid() {
    int steps = 2 * (GRID_DECADES_HIGH - GRID_DECADES_LOW);
    double[] grid = new double[steps + 2];
    for (int s = 0; s <= steps; s++) {
      grid[s + 1] = Math.pow(10, GRID_DECADES_LOW + s / 2.0);
    }
    return grid;
  }

  /** The profiled GLS at one variance ratio. */
  private final class Gls {
    final double[] v = new double[b];
    final double vSum;
    final double[] centre;
    final RealMatrix inverse;
    final double logDetA;
    final double[] effects;
    final double level;
    final double[] residualMean = new double[b];
    final double pwrss;

    Gls(double gamma) {
      int p = k - 1;
      double sum = 0;
      double weightedMean = 0;
      centre = new double[p];
      for (int j = 0; j < b; j++) {
        v[j] = size[j] / (1 + gamma * size[j]);
        sum += v[j];
        weightedMean += v[j] * resampleMean[j];
        for (int t = 0; t < p; t++) {
          centre[t] += v[j] * share[j][t];
        }
      }
      vSum = sum;
      weightedMean /= sum;
      double[][] a = new double[p][p];
      double[] rhs = withinRhs.clone();
      for (int t = 0; t < p; t++) {
        centre[t] /= sum;
        System.arraycopy(within[t], 0, a[t], 0, p);
      }
      for (int j = 0; j < b; j++) {
        for (int t = 0; t < p; t++) {
          double gt = share[j][t] - centre[t];
          rhs[t] += v[j] * gt * (resampleMean[j] - weightedMean);
          for (int u = 0; u < p; u++) {
            a[t][u] += v[j] * gt * (share[j][u] - centre[u]);
          }
        }
      }
      CholeskyDecomposition chol =
          new CholeskyDecomposition(MatrixUtils.createRealMatrix(a), 1e-10, 0);
      inverse = chol.getSolver().getInverse();
      effects = inverse.operate(rhs);
      logDetA = Math.log(sum) + Math.log(chol.getDeterminant());
      double lvl = weightedMean;
      for (int t = 0; t < p; t++) {
        lvl -= centre[t] * effects[t];
      }
      level = lvl;
      double q = 0;
      for (int j = 0; j < b; j++) {
        double rs = 0;
        for (int i = 0; i < k; i++) {
          if (!Double.isNaN(y[i][j])) {
            rs += y[i][j] - fitted(i);
          }
        }
        residualMean[j] = rs / size[j];
        for (int i = 0; i < k; i++) {
          if (!Double.isNaN(y[i][j])) {
            double e = y[i][j] - fitted(i) - residualMean[j];
            q += e * e;
          }
        }
        q += v[j] * residualMean[j] * residualMean[j];
      }
      pwrss = q;
    }

    double fitted(int config) {
      return level + (config == reference ? 0 : effects[col(config)]);
    }

    /** {@code Var(mean of resample j's fitted values) / σ²}. */
    double meanVariance(int j) {
      double s = 1 / vSum;
      for (int t = 0; t < k - 1; t++) {
        for (int u = 0; u < k - 1; u++) {
          s += (share[j][t] - centre[t]) * inverse.getEntry(t, u) * (share[j][u] - centre[u]);
        }
      }
      return s;
    }
  }

  /** The profiled REML criterion (−2 log restricted likelihood, constants dropped). */
  double criterion(double gamma) {
    Gls gls;
    try {
      gls = new Gls(gamma);
    } catch (NonPositiveDefiniteMatrixException e) {
      return Double.POSITIVE_INFINITY;
    }
    double logDetV = 0;
    for (int j = 0; j < b; j++) {
      logDetV += Math.log1p(gamma * size[j]);
    }
    return logDetV + gls.logDetA + (observations - k) * Math.log(gls.pwrss);
  }

  /** The criterion's derivative in γ ({@code dv_j/dγ = −v_j²}). */
  double derivative(double gamma) {
    Gls gls = new Gls(gamma);
    double d = 0;
    double dPwrss = 0;
    for (int j = 0; j < b; j++) {
      double v2 = gls.v[j] * gls.v[j];
      d += gls.v[j] - v2 * gls.meanVariance(j);
      dPwrss -= v2 * gls.residualMean[j] * gls.residualMean[j];
    }
    return d + (observations - k) * dPwrss / gls.pwrss;
  }

  private Fit at(double gamma, boolean atUpperEnd) {
    Gls gls = new Gls(gamma);
    double[] beta = new double[k];
    double[][] unscaled = new double[k][k];
    for (int i = 0; i < k; i++) {
      if (i == reference) {
        continue;
      }
      beta[i] = gls.effects[col(i)];
      for (int l = 0; l < k; l++) {
        if (l != reference) {
          unscaled[i][l] = gls.inverse.getEntry(col(i), col(l));
        }
      }
    }
    return new Fit(gamma, gls.pwrss / (observations - k), beta, unscaled, atUpperEnd);
  }
}
