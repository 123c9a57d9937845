package org.tune4j.tuning.results;

import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.ClassificationMetrics;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.Metric;
import org.tune4j.tuning.metrics.MetricEstimate;

/**
 * A metric loaded from saved results that is not built in: it keeps its name and direction, so
 * results can rank and select by it, but it cannot compute estimates. Immutable and
 * thread-safe.
 */
record RecordedMetric(String name, Direction direction) implements Metric {

  /**
   * The built-in metric of this name if it has this direction, else a recorded metric.
   * (A built-in metric with an option, such as {@code kap:linear}, comes back as the plain
   * built-in metric: results keep the estimates, only the name and direction matter here.)
   */
  static Metric resolve(String name, Direction direction) {
    try {
      Metric builtIn = ClassificationMetrics.byName(name);
      if (builtIn.name().equals(name) && builtIn.direction() == direction) {
        return builtIn;
      }
    } catch (IllegalArgumentException notBuiltIn) {
      // fall through: a user's metric
    }
    return new RecordedMetric(name, direction);
  }

  @Override
  public boolean needsProbabilities() {
    return false;
  }

  @Override
  public MetricEstimate estimate(ClassPredictions predictions, EventLevel eventLevel) {
    throw new UnsupportedOperationException("metric \"" + name + "\" was loaded from saved"
        + " results and is not built in; it can rank results but not compute estimates");
  }
}
