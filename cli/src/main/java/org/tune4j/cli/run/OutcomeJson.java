package org.tune4j.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.engine.TaskOutcome;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;

/**
 * One {@link TaskOutcome} as one line of JSON, and back. Doubles round-trip exactly (the JSON codec
 * writes the shortest text that reads back to the same double); NaN is {@code null}. Parameter values
 * are read back from the job's grid, so they keep their types. Stateless and thread-safe.
 */
final class OutcomeJson {
  private static final Set<String> KEYS = Set.of("key", "configs", "metrics", "notes", "predictions");
  private static final Set<String> METRIC_KEYS = Set.of("config", "params", "id", "id2", "metric", "estimator",
      "estimate");
  private static final Set<String> NOTE_KEYS = Set.of("config", "id", "stage", "type", "message");
  private static final Set<String> PREDICTION_KEYS = Set.of("row", "id", "config", "truth", "pred_class",
      "probabilities");

  private OutcomeJson() {}

  /** The outcome as one line of JSON, without the newline. */
  static String toLine(TaskOutcome o) {
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
    List<Object> notes = new ArrayList<>();
    for (Note n : o.notes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("config", n.configId());
      row.put("id", n.id());
      row.put("stage", n.stage());
      row.put("type", n.type());
      row.put("message", n.message());
      notes.add(row);
    }
    m.put("notes", notes);
    List<Object> predictions = new ArrayList<>();
    for (PredictionRow p : o.predictions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("row", p.row());
      row.put("id", p.id());
      row.put("config", p.configId());
      row.put("truth", p.truth());
      row.put("pred_class", p.predClass());
      row.put("probabilities", p.probabilities().stream().map(Json::encodeDouble).toList());
      predictions.add(row);
    }
    m.put("predictions", predictions);
    // Json.write is pretty; JSON strings never hold a raw newline, so dropping newlines and their indent is safe.
    return Json.write(m).replaceAll("\n *", "");
  }

  /** Reads a line written by {@link #toLine}; parameter values come from {@code grid}. */
  static TaskOutcome fromLine(String line, Grid grid) {
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
      metrics.add(new MetricRow(config, params(grid, config, Json.requireObject(r, "params", path), path),
          Json.requireString(r, "id", path), Json.optionalString(r, "id2", path), Json.requireString(r, "metric", path),
          Json.requireString(r, "estimator", path), Json.decodeDouble(r.get("estimate"), Json.child(path, "estimate"))));
    }
    List<Note> notes = new ArrayList<>();
    raw = Json.requireList(m, "notes", root);
    for (int i = 0; i < raw.size(); i++) {
      String path = Json.element(Json.child(root, "notes"), i);
      Map<String, Object> n = Json.requireObject(raw.get(i), path);
      Json.unknownKeys(n, NOTE_KEYS, path);
      notes.add(new Note(Json.requireString(n, "config", path), Json.requireString(n, "id", path),
          Json.requireString(n, "stage", path), Json.requireString(n, "type", path),
          Json.requireString(n, "message", path)));
    }
    return new TaskOutcome(Json.requireString(m, "key", root), configs, metrics, notes, predictions(m, root));
  }

  private static List<PredictionRow> predictions(Map<String, Object> m, String root) {
    List<PredictionRow> rows = new ArrayList<>();
    List<Object> raw = Json.requireList(m, "predictions", root);
    for (int i = 0; i < raw.size(); i++) {
      String path = Json.element(Json.child(root, "predictions"), i);
      Map<String, Object> p = Json.requireObject(raw.get(i), path);
      Json.unknownKeys(p, PREDICTION_KEYS, path);
      List<Object> rawProbs = Json.requireList(p, "probabilities", path);
      List<Double> probs = new ArrayList<>();
      for (int k = 0; k < rawProbs.size(); k++) {
        probs.add(Json.decodeDouble(rawProbs.get(k), Json.element(Json.child(path, "probabilities"), k)));
      }
      rows.add(new PredictionRow(Json.requireInt(p, "row", path), Json.requireString(p, "id", path),
          Json.requireString(p, "config", path), Json.requireString(p, "truth", path),
          Json.requireString(p, "pred_class", path), probs));
    }
    return rows;
  }

  private static Map<String, Object> params(Grid grid, String config, Map<String, Object> written, String path) {
    Candidate c;
    try {
      c = grid.candidate(config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(path, "config") + " is \"" + config
          + "\", which is not in the job's grid; the journal belongs to another job");
    }
    for (Map.Entry<String, Object> e : c.values().entrySet()) {
      Object w = written.get(e.getKey());
      boolean same = w instanceof Number a && e.getValue() instanceof Number b
          ? a.doubleValue() == b.doubleValue() : e.getValue().equals(w);
      if (!same) {
        throw new IllegalArgumentException(Json.child(Json.child(path, "params"), e.getKey()) + " is " + w
            + " but the job's grid has " + e.getValue() + " for " + config + "; the journal belongs to another job");
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
