package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of metrics with distinct names, evaluated together on predictions into a tidy
 * {@link MetricTable} (yardstick's {@code metric_set}). The first metric is the one tuning ranks
 * by when none is named.
 *
 * <pre>{@code
 * MetricSet set = MetricSet.defaultClassification();       // roc_auc, accuracy, brier_class
 * MetricTable table = set.evaluate(predictions);
 * boolean up = set.metric("brier_class").biggerIsBetter(); // false
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MetricSet {

  private final Map<String, Metric> metrics;

  private MetricSet(Map<String, Metric> metrics) {
    this.metrics = metrics;
  }

  /**
   * A set of the given metrics, in order.
   *
   * @throws IllegalArgumentException if it is empty or two metrics share a name
   */
  public static MetricSet of(List<? extends Metric> metrics) {
    Objects.requireNonNull(metrics, "metrics");
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("a metric set needs at least one metric; try "
          + "MetricSet.defaultClassification() (roc_auc, accuracy, brier_class)");
    }
    Map<String, Metric> byName = new LinkedHashMap<>();
    for (Metric m : metrics) {
      Objects.requireNonNull(m, "metric");
      if (byName.putIfAbsent(m.name(), m) != null) {
        throw new IllegalArgumentException("metric \"" + m.name() + "\" appears twice in the"
            + " metric set; a set holds one metric per name");
      }
    }
    return new MetricSet(byName);
  }

  /** A set of the given metrics, in order. */
  public static MetricSet of(Metric... metrics) {
    return of(Arrays.asList(metrics));
  }

  /** tune's default for classification: roc_auc, accuracy, brier_class. */
  public static MetricSet defaultClassification() {
    return of(ClassificationMetrics.rocAuc(), ClassificationMetrics.accuracy(),
        ClassificationMetrics.brierClass());
  }

  /**
   * A set from comma-separated metric names such as {@code "roc_auc,accuracy,kap:linear"}; see
   * {@link ClassificationMetrics#byName}.
   *
   * @throws IllegalArgumentException for an empty list, an unknown name or a duplicate
   */
  public static MetricSet parse(String names) {
    Objects.requireNonNull(names, "names");
    List<Metric> list = new ArrayList<>();
    for (String part : names.split(",", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("metric list \"" + names + "\" has an empty name;"
            + " separate names with single commas, e.g. roc_auc,accuracy");
      }
      list.add(ClassificationMetrics.byName(part));
    }
    return of(list);
  }

  /** The metrics, in order. */
  public List<Metric> metrics() {
    return List.copyOf(metrics.values());
  }

  /** The metric names, in order. */
  public List<String> names() {
    return List.copyOf(metrics.keySet());
  }

  /**
   * The metric with this name.
   *
   * @throws IllegalArgumentException naming the metric and the choices if it is not in the set
   */
  public Metric metric(String name) {
    Metric m = metrics.get(name);
    if (m == null) {
      throw new IllegalArgumentException("metric \"" + name + "\" is not in the metric set;"
          + " choose from: " + String.join(", ", metrics.keySet()));
    }
    return m;
  }

  /** Whether any metric needs class probabilities. */
  public boolean needsProbabilities() {
    return metrics.values().stream().anyMatch(Metric::needsProbabilities);
  }

  /** Evaluates every metric with the first level as the event. */
  public MetricTable evaluate(ClassPredictions predictions) {
    return evaluate(predictions, EventLevel.FIRST);
  }

  /**
   * Evaluates every metric, in order.
   *
   * @throws IllegalArgumentException if a metric cannot apply (e.g. probabilities are missing)
   */
  public MetricTable evaluate(ClassPredictions predictions, EventLevel eventLevel) {
    Objects.requireNonNull(predictions, "predictions");
    Objects.requireNonNull(eventLevel, "eventLevel");
    List<MetricEstimate> rows = new ArrayList<>(metrics.size());
    for (Metric m : metrics.values()) {
      rows.add(m.estimate(predictions, eventLevel));
    }
    return MetricTable.of(rows);
  }

  @Override
  public String toString() {
    return "MetricSet" + metrics.values();
  }
}
