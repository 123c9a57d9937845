package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.grid.Candidate;
import java.util.function.Function;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;
import org.tune4j.tuning.results.RowJson;

/**
 * One {@link TaskOutcome} as one line of JSON, and back: what a journal holds. Doubles round-trip
 * exactly (the JSON codec writes the shortest text that reads back to the same double); NaN is
 * {@code null}. Parameter values are read back from the run's candidates (a grid's, or those a
 * search proposed), so they keep their types. Stateless and thread-safe.
 *
 * <pre>{@code
 * String line = TaskOutcomeJson.toLine(outcome);
 * TaskOutcome back = TaskOutcomeJson.fromLine(line, grid::candidate);
 * }</pre>
 */
public final class TaskOutcomeJson {
  private static final Set<String> KEYS = Set.of("key", "configs", "metrics", "notes", "predictions");
  private static final Set<String> METRIC_KEYS = Set.of("config", "params", "id", "id2", "metric", "estimator",
      "estimate");

  private TaskOutcomeJson() {}

  /** The outcome as one line of JSON, without the newline. */
  public static String toLine(TaskOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", o.key());
    m.put("configs", o.configIds());
    List<Object> metrics = new ArrayList<>();
    for (MetricRow r : o.metrics()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("config", r.configId());
      row.put("params", new LinkedHashMap<>(r.params()));
      row.put("id", r.id());
      row.put("id2", r.id2().orElse(null));
      row.put("metric", r.metric());
      row.put("estimator", r.estimator());
      row.put("estimate", Json.encodeDouble(r.estimate()));
      metrics.add(row);
    }
    m.put("metrics", metrics);
    m.put("notes", o.notes().stream().map(RowJson::toTree).toList());
    m.put("predictions", o.predictions().stream().map(RowJson::toTree).toList());
    // Json.write is pretty; JSON strings never hold a raw newline, so dropping newlines and their indent is safe.
    return Json.write(m).replaceAll("\n *", "");
  }

  /**
   * Reads a line written by {@link #toLine}; parameter values come from {@code candidates} (config id to candidate,
   * throwing {@link IllegalArgumentException} for an id the run does not have).
   *
   * @throws IllegalArgumentException naming the JSON path of what is malformed or does not fit the run's candidates
   */
  public static TaskOutcome fromLine(String line, Function<String, Candidate> candidates) {
    String root = Json.ROOT;
    Map<String, Object> m = Json.requireObject(Json.parse(line), root);
    Json.unknownKeys(m, KEYS, root);
    List<String> configs = strings(Json.requireList(m, "configs", root), Json.child(root, "configs"));
    List<MetricRow> metrics = new ArrayList<>();
    List<Object> raw = Json.requireList(m, "metrics", root);
    for (int i = 0; i < raw.size(); i++) {
      String path = Json.element(Json.child(root, "metrics"), i);
      Map<String, Object> r = Json.requireObject(raw.get(i), path);
      Json.unknownKeys(r, METRIC_KEYS, path);
      String config = Json.requireString(r, "config", path);
      metrics.add(new MetricRow(config, params(candidates, config, Json.requireObject(r, "params", path), path),
          Json.requireString(r, "id", path), Json.optionalString(r, "id2", path), Json.requireString(r, "metric", path),
          Json.requireString(r, "estimator", path), Json.decodeDouble(r.get("estimate"), Json.child(path, "estimate"))));
    }
    List<Note> notes = RowJson.notes(Json.requireList(m, "notes", root), Json.child(root, "notes"));
    List<PredictionRow> predictions = RowJson.predictions(Json.requireList(m, "predictions", root),
        Json.child(root, "predictions"));
    return new TaskOutcome(Json.requireString(m, "key", root), configs, metrics, notes, predictions);
  }

  private static Map<String, Object> params(Function<String, Candidate> candidates, String config,
      Map<String, Object> written, String path) {
    Candidate c;
    try {
      c = candidates.apply(config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(path, "config") + " is \"" + config
          + "\", which is not among the job's candidates; the journal belongs to another job");
    }
    for (Map.Entry<String, Object> e : c.values().entrySet()) {
      Object w = written.get(e.getKey());
      boolean same = w instanceof Number a && e.getValue() instanceof Number b
          ? a.doubleValue() == b.doubleValue() : e.getValue().equals(w);
      if (!same) {
        throw new IllegalArgumentException(Json.child(Json.child(path, "params"), e.getKey()) + " is " + w
            + " but the job's candidates have " + e.getValue() + " for " + config + "; the journal belongs to another job");
      }
    }
    return c.values();
  }

  private static List<String> strings(List<Object> raw, String path) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      out.add(Json.asString(raw.get(i), Json.element(path, i)));
    }
    return out;
  }
}
