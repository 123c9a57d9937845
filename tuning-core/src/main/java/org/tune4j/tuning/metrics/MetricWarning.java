package org.tune4j.tuning.metrics;

import java.util.Objects;

/**
 * A warning raised while computing a metric, e.g. a level never predicted makes its precision
 * undefined. Tuning keeps these as notes (tune's {@code notes()}, type warning).
 *
 * @param metric the metric that raised it
 * @param message what happened and what was done about it
 */
public record MetricWarning(String metric, String message) {

  /** Validates the fields. */
  public MetricWarning {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(message, "message");
  }
}
