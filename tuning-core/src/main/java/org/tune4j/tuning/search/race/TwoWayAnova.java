package org.tune4j.tuning.search.race;

/**
 * The REML fit of {@code estimate ~ config + (1 | resample)} for a complete (balanced) table, in
 * closed form. With k configs on the same b resamples, the two-way ANOVA gives
 * {@code MS_resample = k Σ_j (ȳ_.j − ȳ)² / (b − 1)} and
 * {@code MS_error = Σ_ij (y_ij − ȳ_i. − ȳ_.j + ȳ)² / ((k − 1)(b − 1))}. REML's variance
 * components are the ANOVA ones when they are non-negative: {@code σ²_resample =
 * (MS_resample − MS_error) / k}, {@code σ² = MS_error}. Otherwise the optimum is on the boundary
 * {@code σ²_resample = 0}, where lme4's fit is the pooled model {@code estimate ~ config} and
 * {@code σ² = (SS_resample + SS_error) / (kb − k)}. Either way the config means are the fixed
 * effects and every difference of two means has standard error {@code sqrt(2σ² / b)}.
 */
final class TwoWayAnova {

  /** Residual sums of squares this small relative to the total count as exactly zero. */
  static final double ZERO_RESIDUAL = 1e-24;

  private TwoWayAnova() {}

  /**
   * The fit's variance components.
   *
   * @param sigma2 the residual variance σ²
   * @param sigma2Resample the resample variance
   * @param boundary whether the resample variance is on the boundary 0
   * @param ssTotal the total sum of squares about the grand mean
   * @param ssError the residual sum of squares of the additive model
   */
  record Fit(double sigma2, double sigma2Resample, boolean boundary, double ssTotal,
      double ssError) {

    /** Whether the table is exactly config + resample effects (no residual at all). */
    boolean exact() {
      return ssError <= ZERO_RESIDUAL * ssTotal;
    }
  }

  /** Fits {@code y[config][resample]}, all finite, at least 2 × 2. */
  static Fit fit(double[][] y) {
    int k = y.length;
    int b = y[0].length;
    double[] row = new double[k];
    double[] col = new double[b];
    double grand = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < b; j++) {
        row[i] += y[i][j];
        col[j] += y[i][j];
        grand += y[i][j];
      }
    }
    grand /= k * b;
    for (int i = 0; i < k; i++) {
      row[i] /= b;
    }
    for (int j = 0; j < b; j++) {
      col[j] /= k;
    }
    double ssResample = 0;
    for (int j = 0; j < b; j++) {
      ssResample += k * (col[j] - grand) * (col[j] - grand);
    }
    double ssError = 0;
    double ssTotal = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < b; j++) {
        double e = y[i][j] - row[i] - col[j] + grand;
        ssError += e * e;
        ssTotal += (y[i][j] - grand) * (y[i][j] - grand);
      }
    }
    double msResample = ssResample / (b - 1);
    double msError = ssError / ((k - 1) * (b - 1));
    if (msResample > msError) {
      return new Fit(msError, (msResample - msError) / k, false, ssTotal, ssError);
    }
    return new Fit((ssResample + ssError) / (k * b - k), 0, true, ssTotal, ssError);
  }
}
