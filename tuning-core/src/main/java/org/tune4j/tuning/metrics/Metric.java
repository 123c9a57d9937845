package org.tune4j.tuning.metrics;

/**
 * A classification metric: a name as yardstick spells it, whether bigger is better, and a way
 * to compute an estimate from predictions.
 *
 * <p>Get the built-in metrics from {@link ClassificationMetrics}; group them in a
 * {@link MetricSet}. An estimate never throws for data that make a metric undefined (a class
 * never predicted, a class absent from the truth): it returns {@code NaN} or leaves the class
 * out of an average, and says so in {@link MetricEstimate#warnings()}. It throws
 * {@link IllegalArgumentException} for a caller's mistake, such as a binary estimator on
 * three classes or a probability metric on predictions without probabilities.
 *
 * <pre>{@code
 * Metric m = ClassificationMetrics.precision().withEstimator(Estimator.MICRO);
 * MetricEstimate e = m.estimate(predictions);
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Metric {

  /** The metric's name as yardstick spells it, e.g. {@code roc_auc}. */
  String name();

  /** Whether bigger or smaller values are better. */
  Direction direction();

  /** Whether the metric needs class probabilities rather than predicted classes. */
  boolean needsProbabilities();

  /**
   * Computes the metric.
   *
   * @param predictions the predictions to score
   * @param eventLevel the event of a two-level problem (ignored by multiclass estimators)
   * @throws IllegalArgumentException if the metric cannot apply to these predictions
   */
  MetricEstimate estimate(ClassPredictions predictions, EventLevel eventLevel);

  /** Computes the metric with the first level as the event (yardstick's default). */
  default MetricEstimate estimate(ClassPredictions predictions) {
    return estimate(predictions, EventLevel.FIRST);
  }

  /** Whether a bigger value is better. */
  default boolean biggerIsBetter() {
    return direction().biggerIsBetter();
  }
}
