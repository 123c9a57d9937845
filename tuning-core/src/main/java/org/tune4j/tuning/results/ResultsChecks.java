package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;

/**
 * Validates the rows given to {@link TuneResults#of} and puts them in canonical form: parameter
 * values typed as the parameters say ({@code Double}, {@code Integer}, {@code String}) and in
 * parameter order; rows sorted so that equal results are equal whatever order the tasks
 * finished in. Stateless.
 */
final class ResultsChecks {

  private ResultsChecks() {}

  /** Metric rows validated, typed and sorted by config, resample and metric-set order. */
  static List<MetricRow> metricRows(ParameterSet parameters, MetricSet metrics,
      List<MetricRow> rows) {
    Objects.requireNonNull(rows, "metricRows");
    List<String> metricNames = metrics.names();
    Map<String, Map<String, Object>> paramsByConfig = new HashMap<>();
    Set<List<Object>> keys = new HashSet<>();
    List<MetricRow> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      MetricRow r = Objects.requireNonNull(rows.get(i), "metric row");
      String where = "metric row " + i + " (" + r.configId() + ", " + r.id()
          + r.id2().map(s -> "/" + s).orElse("") + ")";
      if (!metricNames.contains(r.metric())) {
        throw new IllegalArgumentException(where + ": " + unknownMetric(r.metric(), metrics));
      }
      Map<String, Object> params = params(parameters, r.params(), where);
      Map<String, Object> seen = paramsByConfig.putIfAbsent(r.configId(), params);
      if (seen != null && !seen.equals(params)) {
        throw new IllegalArgumentException(where + ": config " + r.configId() + " has values "
            + params + " here and " + seen + " in another row; a config id names one candidate");
      }
      if (!keys.add(List.of(r.configId(), r.id(), r.id2(), r.metric()))) {
        throw new IllegalArgumentException(where + ": metric \"" + r.metric()
            + "\" appears twice for this config and resample; give one row each");
      }
      out.add(new MetricRow(r.configId(), params, r.id(), r.id2(), r.metric(), r.estimator(),
          r.estimate()));
    }
    out.sort(Comparator.comparing(MetricRow::configId, ConfigOrder.INSTANCE)
        .thenComparing(MetricRow::id, ConfigOrder.INSTANCE)
        .thenComparing(r -> r.id2().orElse(""), ConfigOrder.INSTANCE)
        .thenComparingInt(r -> metricNames.indexOf(r.metric())));
    return List.copyOf(out);
  }

  /** Notes sorted by config and resample, keeping the given order within one task. */
  static List<Note> notes(List<Note> notes) {
    Objects.requireNonNull(notes, "notes");
    List<Note> out = new ArrayList<>(notes);
    out.forEach(n -> Objects.requireNonNull(n, "note"));
    out.sort(Comparator.comparing(Note::configId, ConfigOrder.INSTANCE)
        .thenComparing(Note::id, ConfigOrder.INSTANCE));
    return List.copyOf(out);
  }

  /** Predictions validated against the levels and sorted by config, resample and row. */
  static List<PredictionRow> predictions(List<String> levels, List<PredictionRow> rows) {
    Objects.requireNonNull(rows, "predictions");
    Set<List<Object>> keys = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      PredictionRow p = Objects.requireNonNull(rows.get(i), "prediction row");
      String where = "prediction row " + i + " (" + p.configId() + ", " + p.id() + ", row "
          + p.row() + ")";
      if (p.row() < 0) {
        throw new IllegalArgumentException(where + ": row is " + p.row()
            + "; rows are 0-based indexes, 0 or more");
      }
      checkLevel(where, "truth", p.truth(), levels);
      checkLevel(where, "predicted class", p.predClass(), levels);
      if (p.probabilities().size() != levels.size()) {
        throw new IllegalArgumentException(where + ": has " + p.probabilities().size()
            + " probabilities; give one per level (" + String.join(", ", levels) + ")");
      }
      if (!keys.add(List.of(p.configId(), p.id(), p.row()))) {
        throw new IllegalArgumentException(where + ": appears twice; give one prediction per"
            + " config, resample and row");
      }
    }
    List<PredictionRow> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(PredictionRow::configId, ConfigOrder.INSTANCE)
        .thenComparing(PredictionRow::id, ConfigOrder.INSTANCE)
        .thenComparingInt(PredictionRow::row));
    return List.copyOf(out);
  }

  /** Distinct, non-null levels. */
  static List<String> levels(List<String> levels) {
    Objects.requireNonNull(levels, "levels");
    if (levels.stream().anyMatch(Objects::isNull)
        || new HashSet<>(levels).size() != levels.size()) {
      throw new IllegalArgumentException("levels " + levels + " contain null or a duplicate;"
          + " give each class level once");
    }
    return List.copyOf(levels);
  }

  /** The tune-style message for a metric name that is not in the set. */
  static String unknownMetric(String metric, MetricSet metrics) {
    return "metric \"" + metric + "\" is not in the metric set; choose from: "
        + String.join(", ", metrics.names());
  }

  /**
   * The values typed as their parameters say and in parameter order.
   *
   * @throws IllegalArgumentException if the keys are not the parameter ids or a value has the
   *     wrong type
   */
  static Map<String, Object> params(ParameterSet parameters, Map<String, Object> values,
      String where) {
    if (!values.keySet().equals(new HashSet<>(parameters.ids()))) {
      throw new IllegalArgumentException(where + ": parameter values are for "
          + String.join(", ", values.keySet()) + "; give one value for each parameter id: "
          + String.join(", ", parameters.ids()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      out.put(p.id(), typed(p, values.get(p.id()), where));
    }
    return out;
  }

  private static Object typed(Parameter p, Object value, String where) {
    if (p instanceof NumericParameter n) {
      if (!(value instanceof Number number)) {
        throw wrongValue(p, value, where, "a number");
      }
      if (n.type() == NumericType.DOUBLE) {
        return number.doubleValue();
      }
      double d = number.doubleValue();
      if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
        throw wrongValue(p, value, where, "a whole number");
      }
      return (int) d;
    }
    if (!(value instanceof String)) {
      throw wrongValue(p, value, where, "a string, one of " + p.describeValues());
    }
    return value;
  }

  private static IllegalArgumentException wrongValue(Parameter p, Object value, String where,
      String expected) {
    return new IllegalArgumentException(where + ": value " + value + " of parameter \""
        + p.id() + "\" is " + (value == null ? "null" : "a " + value.getClass().getSimpleName())
        + "; give " + expected);
  }

  private static void checkLevel(String where, String what, String value, List<String> levels) {
    if (!levels.contains(value)) {
      throw new IllegalArgumentException(where + ": " + what + " \"" + value
          + "\" is not a level; choose from: " + String.join(", ", levels));
    }
  }
}
