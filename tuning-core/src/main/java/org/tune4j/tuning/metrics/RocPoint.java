package org.tune4j.tuning.metrics;

import java.util.Objects;

/**
 * One point of a ROC curve, as a row of yardstick's {@code roc_curve}: predicting the event
 * when its probability is at least {@code threshold} gives this sensitivity and specificity.
 *
 * @param level the event level (the level of a one-vs-all curve when there are more than two)
 * @param threshold the probability cut-off; {@code -Infinity} and {@code +Infinity} mark the
 *     two end points
 * @param specificity true negative rate
 * @param sensitivity true positive rate
 */
public record RocPoint(String level, double threshold, double specificity, double sensitivity) {

  /** Validates the level. */
  public RocPoint {
    Objects.requireNonNull(level, "level");
  }
}
