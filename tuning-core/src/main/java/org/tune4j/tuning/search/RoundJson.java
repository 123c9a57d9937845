package org.tune4j.tuning.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.resampling.Resamples;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.ParameterSet;

/**
 * A {@link Round} as a JSON tree and back, for journals: candidates with their config ids and values,
 * resamples by id, decisions with their numbers (doubles round-trip exactly; NaN is {@code null}).
 * Values are read back through the parameter set, so they keep their types. Stateless.
 *
 * <pre>{@code
 * Map<String, Object> tree = RoundJson.toTree("race_anova", round, resamples);
 * Round back = RoundJson.fromTree(tree, "$", params, resamples);
 * }</pre>
 */
public final class RoundJson {
  /** The key that tells a round's journal line from a task's. */
  public static final String ROUND_KEY = "round";
  private static final Set<String> KEYS = Set.of(ROUND_KEY, "strategy", "candidates", "resamples", "decisions",
      "message");
  private static final Set<String> CANDIDATE_KEYS = Set.of("config", "values");
  private static final Set<String> DECISION_KEYS = Set.of("kind", "config", "values", "detail");

  private RoundJson() {}

  /** The tree of {@code round}, made by strategy {@code strategy}. */
  public static Map<String, Object> toTree(String strategy, Round round, Resamples resamples) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(ROUND_KEY, (long) round.number());
    m.put("strategy", strategy);
    List<Object> candidates = new ArrayList<>();
    for (Candidate c : round.candidates()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("config", c.configId());
      t.put("values", new LinkedHashMap<>(c.values()));
      candidates.add(t);
    }
    m.put("candidates", candidates);
    List<Object> ids = new ArrayList<>();
    for (int i : round.resamples()) {
      ids.add(SearchState.idOf(resamples.get(i)));
    }
    m.put("resamples", ids);
    List<Object> decisions = new ArrayList<>();
    for (Decision d : round.decisions()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("kind", d.kind());
      t.put("config", d.configId());
      Map<String, Object> values = new LinkedHashMap<>();
      d.values().forEach((k, v) -> values.put(k, Json.encodeDouble(v)));
      t.put("values", values);
      t.put("detail", d.detail());
      decisions.add(t);
    }
    m.put("decisions", decisions);
    m.put("message", round.message());
    return m;
  }

  /** The strategy name of a round's tree. */
  public static String strategy(Map<String, Object> tree, String path) {
    return Json.requireString(tree, "strategy", path);
  }

  /**
   * Reads a tree of {@link #toTree}.
   *
   * @throws IllegalArgumentException naming the JSON path of an unknown key, a wrong type, a value that does not fit
   *     the parameters, or a resample id that is not among {@code resamples}
   */
  public static Round fromTree(Map<String, Object> tree, String path, ParameterSet params, Resamples resamples) {
    Json.unknownKeys(tree, KEYS, path);
    int number = Json.requireInt(tree, ROUND_KEY, path);
    List<Candidate> candidates = candidates(tree, path, params);
    List<Integer> indices = new ArrayList<>();
    List<String> ids = resampleIds(resamples);
    List<Object> rawResamples = Json.requireList(tree, "resamples", path);
    for (int i = 0; i < rawResamples.size(); i++) {
      String at = Json.element(Json.child(path, "resamples"), i);
      String id = Json.asString(rawResamples.get(i), at);
      int index = ids.indexOf(id);
      if (index < 0) {
        throw new IllegalArgumentException(at + " is \"" + id + "\", which is not one of the run's resamples " + ids
            + "; the journal belongs to another job");
      }
      indices.add(index);
    }
    List<Decision> decisions = new ArrayList<>();
    List<Object> rawDecisions = Json.requireList(tree, "decisions", path);
    for (int i = 0; i < rawDecisions.size(); i++) {
      String at = Json.element(Json.child(path, "decisions"), i);
      Map<String, Object> d = Json.requireObject(rawDecisions.get(i), at);
      Json.unknownKeys(d, DECISION_KEYS, at);
      Map<String, Double> values = new LinkedHashMap<>();
      Json.requireObject(d, "values", at).forEach((k, v) -> values.put(k,
          Json.decodeDouble(v, Json.child(Json.child(at, "values"), k))));
      decisions.add(new Decision(Json.requireString(d, "kind", at), Json.requireString(d, "config", at), values,
          Json.requireString(d, "detail", at)));
    }
    return new Round(number, candidates, indices, decisions, Json.requireString(tree, "message", path));
  }

  /**
   * The candidates of a round's tree, their values checked against {@code params} and given their types (what a
   * journal reader needs before the resamples exist).
   *
   * @throws IllegalArgumentException naming the JSON path of what is malformed or does not fit the parameters
   */
  public static List<Candidate> candidates(Map<String, Object> tree, String path, ParameterSet params) {
    List<Object> raw = Json.requireList(tree, "candidates", path);
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String at = Json.element(Json.child(path, "candidates"), i);
      Map<String, Object> c = Json.requireObject(raw.get(i), at);
      Json.unknownKeys(c, CANDIDATE_KEYS, at);
      candidates.add(new Candidate(Json.requireString(c, "config", at), Json.requireObject(c, "values", at)));
    }
    try {
      return Grids.ofCandidates(params, candidates).candidates();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(path, "candidates") + ": " + e.getMessage()
          + "; the journal belongs to another job", e);
    }
  }

  private static List<String> resampleIds(Resamples resamples) {
    List<String> ids = new ArrayList<>();
    for (var s : resamples) {
      ids.add(SearchState.idOf(s));
    }
    return ids;
  }
}
