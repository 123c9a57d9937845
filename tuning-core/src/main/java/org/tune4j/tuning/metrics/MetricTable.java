package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Metric estimates as a tidy table with columns {@code metric, estimator, estimate}, one row per
 * metric, and the warnings raised while computing them.
 *
 * <pre>{@code
 * MetricTable t = MetricSet.defaultClassification().evaluate(predictions);
 * double auc = t.estimate("roc_auc");
 * t.warnings().forEach(w -> log.warn(w.message()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MetricTable {

  private final List<MetricEstimate> rows;

  private MetricTable(List<MetricEstimate> rows) {
    this.rows = rows;
  }

  /** A table of these rows, in order. */
  public static MetricTable of(List<MetricEstimate> rows) {
    return new MetricTable(List.copyOf(Objects.requireNonNull(rows, "rows")));
  }

  /** The rows, in metric-set order. */
  public List<MetricEstimate> rows() {
    return rows;
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /**
   * The estimate of the named metric.
   *
   * @throws IllegalArgumentException naming the metric and the choices if it is not a row
   */
  public double estimate(String metric) {
    for (MetricEstimate r : rows) {
      if (r.metric().equals(metric)) {
        return r.estimate();
      }
    }
    List<String> names = new ArrayList<>();
    rows.forEach(r -> names.add(r.metric()));
    throw new IllegalArgumentException("metric \"" + metric + "\" is not in the table; choose"
        + " from: " + String.join(", ", names));
  }

  /** Every warning of every row, in row order. */
  public List<MetricWarning> warnings() {
    List<MetricWarning> out = new ArrayList<>();
    for (MetricEstimate r : rows) {
      for (String w : r.warnings()) {
        out.add(new MetricWarning(r.metric(), w));
      }
    }
    return List.copyOf(out);
  }

  /** One {@code metric estimator estimate} line per row. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (MetricEstimate r : rows) {
      sb.append(r.metric()).append(' ').append(r.estimator()).append(' ').append(r.estimate())
          .append('\n');
    }
    return sb.toString();
  }
}
