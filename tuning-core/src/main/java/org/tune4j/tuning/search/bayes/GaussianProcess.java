package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.List;

/**
 * A Gaussian process regression of outcomes on encoded candidates, the surrogate model of
 * tune's {@code tune_bayes()} ({@code fit_gp()}, which calls {@code GauPro::gpkm()}).
 *
 * <p>The model is a constant mean plus a stationary process with variance {@code s2} and
 * correlation {@code R}: a Matérn kernel with one length scale per numeric coordinate times a
 * level-pair correlation for each qualitative coordinate ({@link Correlation}), plus a nugget on
 * the diagonal relative to {@code s2}. {@link #fit} estimates the correlation parameters by
 * maximising the log marginal likelihood with restarts, deterministically for a seed; the mean
 * and {@code s2} are their closed-form maximum-likelihood values given the correlation (the
 * optimum GauPro's joint search reaches). Outcomes are standardised (centred, scaled by their
 * standard deviation) before fitting and predictions mapped back; the model is invariant to
 * that change of units, so this matches tune, which leaves GauPro's {@code normalize = FALSE}.
 *
 * <p>Predictions follow GauPro's {@code pred(se.fit = TRUE)}: the standard deviation includes
 * the nugget and its variance is at least {@code s2 * nugget}. Instances are immutable and
 * thread-safe; a failed fit is reported in the returned {@link GpFit}, never thrown.
 *
 * <pre>{@code
 * GpFit fit = GaussianProcess.fit(enc, history, GpSettings.defaults(), 42L);
 * GpCheck check = GpCheck.of(fit);
 * if (check.usable()) {
 *   GpPrediction p = fit.modelOrThrow().predict(enc.encode(candidate));
 * }
 * }</pre>
 */
public final class GaussianProcess {

  private static final double LOO_MIN_VARIANCE = 1e-16;
  private static final double LOO_Z95 = 1.96;

  private final UnitEncoding encoding;
  private final History history;
  private final GpHyperparameters hyperparameters;
  private final Correlation correlation;
  private final Posterior posterior;
  private final double center;
  private final double scale;

  private GaussianProcess(UnitEncoding encoding, History history, GpHyperparameters hp,
      Correlation correlation, Posterior posterior, double center, double scale) {
    this.encoding = encoding;
    this.history = history;
    this.hyperparameters = hp;
    this.correlation = correlation;
    this.posterior = posterior;
    this.center = center;
    this.scale = scale;
  }

  /**
   * Fits the model to {@code history}, estimating the correlation parameters.
   *
   * @throws IllegalArgumentException if an argument is null or the points' dimension is not the
   *     encoding's (the caller's mistakes); a model that cannot be fitted is a failed
   *     {@link GpFit} instead
   */
  public static GpFit fit(UnitEncoding encoding, History history, GpSettings settings,
      long seed) {
    if (settings == null) {
      throw new IllegalArgumentException("settings are null; give GpSettings.defaults()");
    }
    return fitting(encoding, history, null, settings, seed);
  }

  /**
   * Fits the model to {@code history} with fixed correlation parameters, re-estimating only the
   * mean and variance: the step of a kriging-believer or constant-liar batch.
   *
   * @throws IllegalArgumentException as {@link #fit}, or if the hyperparameters do not match
   *     the encoding's numeric and qualitative coordinates
   */
  public static GpFit fitWith(UnitEncoding encoding, History history,
      GpHyperparameters hyperparameters) {
    if (hyperparameters == null) {
      throw new IllegalArgumentException("hyperparameters are null; give those of a fitted model");
    }
    return fitting(encoding, history, hyperparameters, null, 0L);
  }

  private static GpFit fitting(UnitEncoding encoding, History history, GpHyperparameters fixed,
      GpSettings settings, long seed) {
    if (encoding == null || history == null) {
      throw new IllegalArgumentException("encoding is " + encoding + " and history is "
          + history + "; give both");
    }
    for (UnitPoint p : history.points()) {
      encoding.checkDimension(p);
    }
    if (fixed != null) {
      new Correlation(encoding, fixed);
    }
    int n = history.size();
    if (n < 2) {
      return GpFit.failed("the Gaussian process needs at least 2 candidates; the history has "
          + n);
    }
    double center = history.meanOutcome();
    double ss = 0;
    for (double y : history.outcomes()) {
      ss += (y - center) * (y - center);
    }
    double scale = Math.sqrt(ss / (n - 1));
    if (!(scale > 0) || !Double.isFinite(scale)) {
      return GpFit.failed("all of the outcome values were identical; the Gaussian process"
          + " model cannot be fit to the data (try expanding the range of the parameters)");
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = (history.outcomes().get(i) - center) / scale;
    }
    try {
      GpHyperparameters hp = fixed != null ? fixed
          : HyperparameterSearch.maximise(encoding, history.points(), z, settings, seed);
      Correlation corr = new Correlation(encoding, hp);
      Posterior post = Posterior.of(corr.matrix(history.points()), z, hp.nugget());
      return GpFit.success(new GaussianProcess(encoding, history, hp.withNugget(post.nugget()),
          corr, post, center, scale));
    } catch (GpFailure e) {
      return GpFit.failed(e.getMessage());
    }
  }

  /**
   * A model with these hyperparameters conditioned on {@code newHistory} (for instance this
   * history plus a fake outcome); see {@link #fitWith}.
   */
  public GpFit condition(History newHistory) {
    return fitWith(encoding, newHistory, hyperparameters);
  }

  /**
   * The predicted mean and standard deviation at {@code point}.
   *
   * @throws IllegalArgumentException if the point's dimension is not the encoding's
   */
  public GpPrediction predict(UnitPoint point) {
    encoding.checkDimension(point);
    List<UnitPoint> xs = history.points();
    int n = xs.size();
    double[] r = new double[n];
    double mean = posterior.mean();
    for (int i = 0; i < n; i++) {
      r[i] = correlation.between(point, xs.get(i));
      mean += r[i] * posterior.alpha(i);
    }
    double[] v = posterior.forward(r);
    double s2 = posterior.variance();
    double nug = posterior.nugget();
    double variance = s2 * (1 + nug - Posterior.dot(v, v));
    variance = Math.max(variance, Math.max(Math.ulp(1.0), s2 * nug));
    return new GpPrediction(mean * scale + center, Math.sqrt(variance) * scale);
  }

  /** {@link #predict(UnitPoint)} for each point, in order. */
  public List<GpPrediction> predict(List<UnitPoint> points) {
    List<GpPrediction> out = new ArrayList<>(points.size());
    for (UnitPoint p : points) {
      out.add(predict(p));
    }
    return List.copyOf(out);
  }

  /** The leave-one-out predictions and their R² and 95% coverage. */
  public LeaveOneOut leaveOneOut() {
    double[][] inv = posterior.inverse();
    int n = posterior.size();
    List<Double> fitted = new ArrayList<>(n);
    List<Double> se = new ArrayList<>(n);
    List<Double> ys = history.outcomes();
    double sse = 0;
    double sst = 0;
    int covered = 0;
    double mean = history.meanOutcome();
    for (int i = 0; i < n; i++) {
      double q = inv[i][i];
      double residual = posterior.alpha(i) / q * scale;
      double y = ys.get(i);
      double fit = y - residual;
      double s = Math.sqrt(Math.max(posterior.variance() / q * scale * scale,
          LOO_MIN_VARIANCE));
      fitted.add(fit);
      se.add(s);
      sse += residual * residual;
      sst += (y - mean) * (y - mean);
      if (Math.abs(residual) <= LOO_Z95 * s) {
        covered++;
      }
    }
    return new LeaveOneOut(fitted, se, 1 - sse / sst, (double) covered / n);
  }

  /** The fitted correlation parameters, with the nugget actually used. */
  public GpHyperparameters hyperparameters() {
    return hyperparameters;
  }

  /** The data the model was fitted to. */
  public History history() {
    return history;
  }

  /** The encoding of the points. */
  public UnitEncoding encoding() {
    return encoding;
  }

  /** The estimated constant mean, in outcome units. */
  public double constantMean() {
    return posterior.mean() * scale + center;
  }

  /** The estimated process variance {@code s2}, in squared outcome units. */
  public double processVariance() {
    return posterior.variance() * scale * scale;
  }

  /** The maximised log marginal likelihood of the standardised outcomes. */
  public double logLikelihood() {
    return posterior.logLikelihood();
  }
}
