package org.tune4j.tuning.search.bayes;

import java.util.Optional;

/**
 * The outcome of fitting a {@link GaussianProcess}: the model, or why there is none (tune wraps
 * {@code GauPro::gpkm()} in {@code try()} and keeps going).
 *
 * <p>Exactly one of {@code model} and {@code failure} is set. A failed fit is data, not an
 * exception: {@link GpCheck#of(GpFit)} marks it unusable and the proposer falls back to a
 * space-filling choice. Immutable and thread-safe.
 *
 * <pre>{@code
 * GpFit fit = GaussianProcess.fit(enc, history, GpSettings.defaults(), 42L);
 * if (fit.succeeded()) { GpPrediction p = fit.modelOrThrow().predict(point); }
 * else { log(fit.failure().orElseThrow()); }
 * }</pre>
 *
 * @param model the fitted model, or null if the fit failed
 * @param failureMessage why the fit failed, or null if it succeeded
 */
public record GpFit(GaussianProcess model, String failureMessage) {

  /** Checks that exactly one component is set. */
  public GpFit {
    if ((model == null) == (failureMessage == null)) {
      throw new IllegalArgumentException("a GP fit has a model or a failure message, not "
          + (model == null ? "neither" : "both"));
    }
  }

  /** A successful fit. */
  static GpFit success(GaussianProcess model) {
    return new GpFit(model, null);
  }

  /** A failed fit with its reason. */
  static GpFit failed(String message) {
    return new GpFit(null, message);
  }

  /** Whether there is a model. */
  public boolean succeeded() {
    return model != null;
  }

  /** The model, if the fit succeeded. */
  public Optional<GaussianProcess> fitted() {
    return Optional.ofNullable(model);
  }

  /** Why the fit failed, if it did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failureMessage);
  }

  /**
   * The model.
   *
   * @throws IllegalStateException naming the failure if the fit failed
   */
  public GaussianProcess modelOrThrow() {
    if (model == null) {
      throw new IllegalStateException("the GP fit failed: " + failureMessage
          + "; check succeeded() first");
    }
    return model;
  }
}
