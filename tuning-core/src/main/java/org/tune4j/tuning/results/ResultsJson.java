package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.metrics.Metric;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.ParameterSetJson;

/**
 * The JSON form of {@link TuneResults} ({@code results.json}; see {@code tuning-core/RESULTS.md}).
 * Parameter values are stored once per config; NaN numbers are {@code null} and infinities the
 * strings {@code "Inf"} / {@code "-Inf"}, since JSON has no such numbers. Stateless.
 */
final class ResultsJson {

  /** The format version written to and required in {@code "version"}. */
  static final int VERSION = 1;

  private static final Set<String> KEYS = Set.of("version", "parameters", "levels", "metrics",
      "resamples_fingerprint", "configs", "metric_rows", "notes", "predictions");
  private static final Set<String> METRIC_KEYS = Set.of("name", "direction");
  private static final Set<String> ROW_KEYS = Set.of("config", "id", "id2", "metric",
      "estimator", "estimate");

  private ResultsJson() {}

  static String toJson(TuneResults results) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("version", VERSION);
    tree.put("parameters", ParameterSetJson.parametersToTree(results.parameters()));
    tree.put("levels", results.levels());
    List<Object> metrics = new ArrayList<>();
    for (Metric m : results.metrics().metrics()) {
      metrics.add(object("name", m.name(), "direction", m.direction().name().toLowerCase(Locale.ROOT)));
    }
    tree.put("metrics", metrics);
    tree.put("resamples_fingerprint", results.resamplesFingerprint());
    Map<String, Object> configs = new LinkedHashMap<>();
    List<Object> rows = new ArrayList<>();
    for (MetricRow r : results.metricRows()) {
      configs.putIfAbsent(r.configId(), r.params());
      rows.add(object("config", r.configId(), "id", r.id(), "id2", r.id2().orElse(null),
          "metric", r.metric(), "estimator", r.estimator(), "estimate", Json.encodeDouble(r.estimate())));
    }
    tree.put("configs", configs);
    tree.put("metric_rows", rows);
    tree.put("notes", results.noteRows().stream().map(RowJson::toTree).toList());
    tree.put("predictions", results.predictionRows().stream().map(RowJson::toTree).toList());
    return Json.write(tree);
  }

  static TuneResults fromJson(String text) {
    String root = Json.ROOT;
    Map<String, Object> tree = Json.requireObject(Json.parse(text), root);
    Json.unknownKeys(tree, KEYS, root);
    long version = Json.requireLong(tree, "version", root);
    if (version != VERSION) {
      throw new IllegalArgumentException(Json.child(root, "version") + " is " + version
          + "; this tune4j reads results version " + VERSION);
    }
    ParameterSet parameters = ParameterSetJson.parametersFromTree(
        Json.requireList(tree, "parameters", root), Json.child(root, "parameters"));
    List<String> levels = strings(tree, "levels", root);
    MetricSet metrics = metrics(Json.requireList(tree, "metrics", root),
        Json.child(root, "metrics"));
    String fingerprint = Json.requireString(tree, "resamples_fingerprint", root);
    Map<String, Object> configs = Json.requireObject(tree, "configs", root);
    List<MetricRow> rows = new ArrayList<>();
    String rowsPath = Json.child(root, "metric_rows");
    List<Object> rawRows = Json.requireList(tree, "metric_rows", root);
    for (int i = 0; i < rawRows.size(); i++) {
      String path = Json.element(rowsPath, i);
      Map<String, Object> r = Json.requireObject(rawRows.get(i), path);
      Json.unknownKeys(r, ROW_KEYS, path);
      String config = Json.requireString(r, "config", path);
      if (!r.containsKey("estimate")) {
        throw new IllegalArgumentException("missing key \"estimate\" at " + path
            + "; add it (a number, or null for NaN)");
      }
      Map<String, Object> params = Json.requireObject(configs, config,
          Json.child(root, "configs"));
      rows.add(new MetricRow(config, params, Json.requireString(r, "id", path),
          Json.optionalString(r, "id2", path), Json.requireString(r, "metric", path),
          Json.requireString(r, "estimator", path), Json.decodeDouble(r.get("estimate"),
              Json.child(path, "estimate"))));
    }
    return TuneResults.of(parameters, levels, metrics, fingerprint, rows,
        RowJson.notes(Json.requireList(tree, "notes", root), Json.child(root, "notes")),
        RowJson.predictions(Json.requireList(tree, "predictions", root), Json.child(root, "predictions")));
  }

  private static MetricSet metrics(List<Object> raw, String path) {
    List<Metric> metrics = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String at = Json.element(path, i);
      Map<String, Object> m = Json.requireObject(raw.get(i), at);
      Json.unknownKeys(m, METRIC_KEYS, at);
      String name = Json.requireString(m, "name", at);
      String direction = Json.requireString(m, "direction", at);
      Direction dir = switch (direction) {
        case "maximize" -> Direction.MAXIMIZE;
        case "minimize" -> Direction.MINIMIZE;
        default -> throw new IllegalArgumentException(Json.child(at, "direction") + " is \""
            + direction + "\"; choose from: maximize, minimize");
      };
      metrics.add(RecordedMetric.resolve(name, dir));
    }
    return MetricSet.of(metrics);
  }

  private static List<String> strings(Map<String, Object> tree, String key, String path) {
    List<Object> raw = Json.requireList(tree, key, path);
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(Json.asString(raw.get(i), Json.element(Json.child(path, key), i)));
    }
    return out;
  }

  /** A double for JSON: itself, {@code null} for NaN, {@code "Inf"} / {@code "-Inf"}. */


  private static Map<String, Object> object(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
