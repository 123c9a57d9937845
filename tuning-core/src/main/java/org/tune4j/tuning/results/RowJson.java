package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.json.Json;

/**
 * The JSON form of note and prediction rows, shared by {@code results.json} and run journals.
 * Doubles keep NaN and infinities ({@link Json#encodeDouble}). Stateless.
 */
public final class RowJson {
  private static final Set<String> NOTE_KEYS = Set.of("config", "id", "stage", "type", "message");
  private static final Set<String> PREDICTION_KEYS = Set.of("row", "id", "config", "truth", "pred_class",
      "probabilities");

  private RowJson() {}

  /** A note as a JSON object. */
  public static Map<String, Object> toTree(Note n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", n.configId());
    m.put("id", n.id());
    m.put("stage", n.stage());
    m.put("type", n.type());
    m.put("message", n.message());
    return m;
  }

  /** A prediction row as a JSON object. */
  public static Map<String, Object> toTree(PredictionRow p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", p.row());
    m.put("id", p.id());
    m.put("config", p.configId());
    m.put("truth", p.truth());
    m.put("pred_class", p.predClass());
    m.put("probabilities", p.probabilities().stream().map(Json::encodeDouble).toList());
    return m;
  }

  /**
   * Notes read from a JSON list at {@code path}.
   *
   * @throws IllegalArgumentException naming the path of the first bad element
   */
  public static List<Note> notes(List<Object> raw, String path) {
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String at = Json.element(path, i);
      Map<String, Object> n = Json.requireObject(raw.get(i), at);
      Json.unknownKeys(n, NOTE_KEYS, at);
      notes.add(new Note(Json.requireString(n, "config", at), Json.requireString(n, "id", at),
          Json.requireString(n, "stage", at), Json.requireString(n, "type", at), Json.requireString(n, "message", at)));
    }
    return notes;
  }

  /**
   * Prediction rows read from a JSON list at {@code path}.
   *
   * @throws IllegalArgumentException naming the path of the first bad element
   */
  public static List<PredictionRow> predictions(List<Object> raw, String path) {
    List<PredictionRow> rows = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String at = Json.element(path, i);
      Map<String, Object> p = Json.requireObject(raw.get(i), at);
      Json.unknownKeys(p, PREDICTION_KEYS, at);
      List<Object> rawProbs = Json.requireList(p, "probabilities", at);
      List<Double> probs = new ArrayList<>(rawProbs.size());
      for (int k = 0; k < rawProbs.size(); k++) {
        probs.add(Json.decodeDouble(rawProbs.get(k), Json.element(Json.child(at, "probabilities"), k)));
      }
      rows.add(new PredictionRow(Json.requireInt(p, "row", at), Json.requireString(p, "id", at),
          Json.requireString(p, "config", at), Json.requireString(p, "truth", at),
          Json.requireString(p, "pred_class", at), probs));
    }
    return rows;
  }
}
