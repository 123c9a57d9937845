package org.tune4j.tuning.engine;

import java.util.List;
import java.util.Objects;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.MetricTable;
import org.tune4j.tuning.results.PredictionRow;

/**
 * The result of {@link Tune#lastFit}: the model fitted on all training rows, its metrics on the
 * test rows, and its test predictions (tune's {@code last_fit}).
 *
 * @param model the fitted model ({@code model.unwrap()} gives the library's own object)
 * @param metrics the test metrics ({@code collect_metrics(last_fit)})
 * @param predictions the test predictions with their truth
 * @param predictionRows the test predictions as rows of {@code collectPredictions()}
 */
public record LastFit(ModelEngine.FittedModel model, MetricTable metrics, ClassPredictions predictions,
    List<PredictionRow> predictionRows) {

  /** Validates and copies. */
  public LastFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(predictions, "predictions");
    predictionRows = List.copyOf(predictionRows);
  }

  /** The test metrics. */
  public MetricTable collectMetrics() {
    return metrics;
  }

  /** The test predictions as rows. */
  public List<PredictionRow> collectPredictions() {
    return predictionRows;
  }
}
