package org.tune4j.tuning.results;

import java.util.List;
import java.util.Objects;

/**
 * One held-out prediction of one candidate on one resample: a row of {@code collectPredictions()}
 * ({@code row, id, config, truth, pred_class, pred_<level>...}).
 *
 * @param row the 0-based row of the data set
 * @param id the resample id (with {@code id2} joined by "/" for repeats)
 * @param configId the candidate's config id
 * @param truth the true level
 * @param predClass the predicted level
 * @param probabilities one probability per level, in level order
 */
public record PredictionRow(int row, String id, String configId, String truth, String predClass,
    List<Double> probabilities) {

  /** Validates and copies. */
  public PredictionRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(predClass, "predClass");
    probabilities = List.copyOf(probabilities);
  }
}
