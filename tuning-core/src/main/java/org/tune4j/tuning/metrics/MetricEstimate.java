package org.tune4j.tuning.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One tidy metric row, {@code metric, estimator, estimate}, plus the warnings raised while
 * computing it (yardstick's {@code .metric}, {@code .estimator}, {@code .estimate}).
 *
 * <p>{@code estimate} is {@code NaN} when the metric is undefined for the data; a warning then
 * says why.
 *
 * @param metric metric name, e.g. {@code precision}
 * @param estimator estimator name, e.g. {@code macro}
 * @param estimate the value, possibly {@code NaN}
 * @param warnings human-readable warnings, empty when none
 */
public record MetricEstimate(String metric, String estimator, double estimate,
    List<String> warnings) {

  /** Validates and copies the warnings. */
  public MetricEstimate {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(estimator, "estimator");
    warnings = List.copyOf(warnings);
  }

  /** Whether the estimate is defined (not NaN). */
  public boolean isDefined() {
    return !Double.isNaN(estimate);
  }
}
