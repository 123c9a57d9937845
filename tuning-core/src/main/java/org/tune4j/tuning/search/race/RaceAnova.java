package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interim analysis of {@code tuneRaceAnova}, as finetune's {@code test_parameters_gls}:
 * among the configs with the most resamples, fit {@code estimate ~ config + (1 | resample)} by
 * REML with the best config (by mean) as the reference level, and keep a config while the
 * Wald interval of its difference from the best, at level {@code 1 − alpha}, still reaches 0 on
 * the side of "better" (the upper end when maximizing, the lower end when minimizing). That is
 * a one-sided test at {@code alpha / 2}: finetune passes {@code level = 1 − alpha} to the
 * two-sided {@code confint(method = "Wald")}, whose quantile is {@code qnorm(1 − alpha / 2)}.
 *
 * <p>Complete tables use the closed-form two-way ANOVA ({@link TwoWayAnova}); tables with holes
 * among the compared configs get the exact REML fit ({@link RandomInterceptReml}), as lme4
 * fits all the rows it is given (no row is dropped). Where lme4 refuses the data (every
 * resample has one estimate) finetune's fallback {@code lm(estimate ~ config)} with a t interval
 * is used, as there. Tied means: candidate order picks the best.
 *
 * <p>Where finetune fails or lme4 misbehaves, these rules choose instead, always with a note:
 * no estimates, a single resample, a single config with the most resamples, or no residual
 * degrees of freedom (finetune errors or passes NA): nobody is eliminated. All candidates
 * identical (issue #137, lme4's covariance fails): all stay. Zero residual variance (lme4's
 * variance ratio runs off and its standard errors are ~1e-9): standard errors are exactly 0 and
 * a config stays only if it ties the best to rounding (1e-12 of the estimates' spread), which is
 * lme4's decision except for exact ties, where lme4's is optimizer noise. Resamples are one
 * random intercept each; finetune's nested {@code (1 | id2/id)} for repeated V-fold is not
 * modelled. Degenerate tables never throw. Stateless and thread-safe.
 *
 * <pre>{@code
 * RaceDecision d = RaceAnova.testParameters(table, 0.05);
 * d.bestConfig();   // "c1"
 * d.passing();      // configs to evaluate on the next resample
 * }</pre>
 */
public final class RaceAnova {

  private RaceAnova() {}

  /** A fitted model's contrasts: differences {@code beta[i] − beta[best]}. */
  private record Model(double[] beta, double[][] unscaled, double sigma2, double quantile,
      double tieTolerance) {

    Model(double[] beta, double[][] unscaled, double sigma2, double quantile) {
      this(beta, unscaled, sigma2, quantile, 0);
    }

    double stdErr(int i, int best) {
      double v = unscaled[i][i] + unscaled[best][best] - 2 * unscaled[i][best];
      return Math.sqrt(sigma2 * Math.max(v, 0));
    }
  }

  /**
   * Tests every config with the most resamples against the best one.
   *
   * @param alpha finetune's {@code control_race(alpha)}, on (0, 1)
   * @throws IllegalArgumentException if {@code alpha} is not on (0, 1)
   */
  public static RaceDecision testParameters(RaceTable table, double alpha) {
    Quantiles.checkAlpha(alpha);
    Finalists f = Finalists.of(table);
    List<String> notes = new ArrayList<>(f.notes());
    Integer[] order = f.byMean();
    if (f.maxCount() == 0) {
      notes.add("no config has an estimate yet; none is eliminated");
      return untested(f, order, notes);
    }
    if (f.size() == 1) {
      notes.add("only " + f.configId(0) + " has the most resamples (" + f.maxCount()
          + "); there is nothing to compare it with");
      return untested(f, order, notes);
    }
    if (f.resampleCount() == 1) {
      notes.add("only one resample (" + f.resampleId(0) + ") has estimates, so no variance "
          + "can be estimated; none is eliminated");
      return untested(f, order, notes);
    }
    double[][] y = local(f);
    Model model = f.balanced() ? balanced(y, alpha, notes)
        : unbalanced(f, y, order[0], alpha, notes);
    if (model == null) {
      return untested(f, order, notes);
    }
    return decide(f, order, model, notes);
  }

  private static RaceDecision decide(Finalists f, Integer[] order, Model model,
      List<String> notes) {
    int best = order[0];
    boolean bigger = f.biggerIsBetter();
    List<RaceComparison> rows = new ArrayList<>();
    rows.add(RaceComparison.best(f.configId(best), f.maxCount(), f.mean(best)));
    for (int r = 1; r < order.length; r++) {
      int i = order[r];
      double d = model.beta()[i] - model.beta()[best];
      double se = model.stdErr(i, best);
      double lower = d - model.quantile() * se;
      double upper = d + model.quantile() * se;
      boolean pass;
      if (se == 0) {
        double tol = model.tieTolerance();
        pass = bigger ? d >= -tol : d <= tol;
      } else {
        pass = bigger ? upper > 0 : lower < 0;
      }
      rows.add(new RaceComparison(f.configId(i), f.maxCount(), f.mean(i), d, se, lower, upper,
          pass));
    }
    return new RaceDecision(f.configId(best), rows, f.notCompared(), notes);
  }

  /** Every compared config passes, without statistics. */
  static RaceDecision untested(Finalists f, Integer[] order, List<String> notes) {
    List<RaceComparison> rows = new ArrayList<>();
    rows.add(RaceComparison.best(f.configId(order[0]), f.maxCount(), f.mean(order[0])));
    for (int r = 1; r < order.length; r++) {
      rows.add(f.untested(order[r], true));
    }
    return new RaceDecision(f.configId(order[0]), rows, f.notCompared(), notes);
  }

  private static double[][] local(Finalists f) {
    double[][] y = new double[f.size()][f.resampleCount()];
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < y[i].length; j++) {
        y[i][j] = f.y(i, j);
      }
    }
    return y;
  }

  private static Model balanced(double[][] y, double alpha, List<String> notes) {
    int k = y.length;
    int b = y[0].length;
    TwoWayAnova.Fit fit = TwoWayAnova.fit(y);
    double[] means = new double[k];
    for (int i = 0; i < k; i++) {
      means[i] = Arrays.stream(y[i]).sum() / b;
    }
    double[][] unscaled = new double[k][k];
    for (int i = 0; i < k; i++) {
      unscaled[i][i] = 1.0 / b;
    }
    if (fit.exact()) {
      notes.add(exactNote(fit.ssTotal() == 0 || allEqual(means), k * b));
      return new Model(means, unscaled, 0, Quantiles.normal(1 - alpha / 2),
          tieTolerance(fit.ssTotal(), k * b));
    }
    if (fit.boundary()) {
      notes.add(SINGULAR);
    }
    return new Model(means, unscaled, fit.sigma2(), Quantiles.normal(1 - alpha / 2));
  }

  private static final String SINGULAR = "the resample variance is estimated as zero (lme4 "
      + "reports a singular fit); the differences use the pooled residual variance";

  private static String exactNote(boolean identical, int count) {
    if (identical) {
      return "all candidates have the same estimate on every resample (" + count
          + " estimates); none is eliminated";
    }
    return "the estimates are exactly config plus resample effects (zero residual variance), "
        + "so every difference from the best is exact: configs tied with the best (to rounding) "
        + "stay, the others are eliminated";
  }

  /**
   * With no residual variance, differences this small (relative to the estimates' spread, at
   * the scale below which residuals count as zero) are ties with the best, not losses.
   */
  private static double tieTolerance(double ssTotal, int count) {
    return Math.sqrt(TwoWayAnova.ZERO_RESIDUAL * ssTotal / count);
  }

  private static boolean allEqual(double[] values) {
    return Arrays.stream(values).allMatch(v -> v == values[0]);
  }

  private static Model unbalanced(Finalists f, double[][] y, int best, double alpha,
      List<String> notes) {
    int k = y.length;
    int b = y[0].length;
    int n = f.maxCount() * k;
    double[] means = new double[k];
    double pooled = 0;
    double grand = 0;
    for (int i = 0; i < k; i++) {
      means[i] = f.mean(i);
      grand += means[i] / k;
      for (double v : y[i]) {
        if (!Double.isNaN(v)) {
          pooled += (v - means[i]) * (v - means[i]);
        }
      }
    }
    double[][] diagonal = new double[k][k];
    for (int i = 0; i < k; i++) {
      diagonal[i][i] = 1.0 / f.maxCount();
    }
    if (b >= n) {
      return fixedEffects(means, diagonal, pooled, n - k, alpha, notes);
    }
    int residualDf = n - k - b + ResampleGraph.components(y);
    if (residualDf <= 0) {
      notes.add("the compared configs share too few resamples to estimate a residual variance "
          + "(no residual degrees of freedom); none is eliminated");
      return null;
    }
    double total = 0;
    for (double[] row : y) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          total += (v - grand) * (v - grand);
        }
      }
    }
    double z = Quantiles.normal(1 - alpha / 2);
    if (pooled <= TwoWayAnova.ZERO_RESIDUAL * total) {
      notes.add(exactNote(allEqual(means), n));
      return new Model(means, diagonal, 0, z, tieTolerance(total, n));
    }
    WithinFit within = WithinFit.of(y, best);
    if (within != null && within.sse() <= TwoWayAnova.ZERO_RESIDUAL * total) {
      notes.add(exactNote(false, n));
      return new Model(within.beta(), within.unscaled(), 0, z, tieTolerance(total, n));
    }
    RandomInterceptReml.Fit fit = new RandomInterceptReml(y, best).fit();
    if (fit.atUpperEnd() && within != null) {
      notes.add("the residual variance is estimated as nearly zero (the resample variance is "
          + "over 10^30 times larger); the fixed-resample-effects limit of the fit is used");
      return new Model(within.beta(), within.unscaled(), within.sse() / residualDf, z);
    }
    if (fit.gamma() == 0) {
      notes.add(SINGULAR);
    }
    return new Model(fit.beta(), fit.unscaled(), fit.sigma2(), z);
  }

  /** finetune's fallback when lme4 refuses the data: {@code lm(estimate ~ config)}. */
  private static Model fixedEffects(double[] means, double[][] unscaled, double pooled, int df,
      double alpha, List<String> notes) {
    if (df <= 0) {
      notes.add("every resample has a single estimate and there are no residual degrees of "
          + "freedom; none is eliminated");
      return null;
    }
    notes.add("every resample has a single estimate, so lme4 cannot fit the resample "
        + "intercept; as in finetune, estimate ~ config is fitted instead, with a t interval on "
        + df + " degrees of freedom");
    return new Model(means, unscaled, pooled / df, Quantiles.t(1 - alpha / 2, df));
  }
}
