package org.tune4j.tuning.metrics;

import java.util.Objects;

/**
 * One point of a precision–recall curve, as a row of yardstick's {@code pr_curve}.
 *
 * @param level the event level (the level of a one-vs-all curve when there are more than two)
 * @param threshold the probability cut-off; the first point has {@code +Infinity}, recall 0
 *     and precision 1
 * @param recall share of the events at or above the threshold
 * @param precision share of the rows at or above the threshold that are events
 */
public record PrPoint(String level, double threshold, double recall, double precision) {

  /** Validates the level. */
  public PrPoint {
    Objects.requireNonNull(level, "level");
  }
}
