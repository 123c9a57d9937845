package org.tune4j.tuning.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.ParameterSetJson;

/**
 * The JSON form of grids (see the JSON section of {@code tuning-core/GRIDS.md}), as text or as
 * a tree for embedding in larger documents such as results.
 *
 * <p>A grid is {@code {"version": 1, "parameters": [...], "candidates": [...]}}: the parameters
 * as in {@link ParameterSetJson}, then one {@code {"config": "Model1", "values": {...}}} per
 * candidate, in row order, with integers written as JSON integers and qualitative values as
 * strings. Reading checks the candidates as {@link Grids#of} does (every parameter has a
 * value, values in range, no repeated rows), except that the ends of numeric ranges are
 * accepted even when exclusive, because regular grids use them (dials' {@code value_seq}); it
 * checks the config ids are unique and keeps them. Stateless and thread-safe.
 *
 * <pre>{@code
 * String text = GridJson.toJson(grid);              // same as grid.toJson()
 * Grid back = GridJson.fromJson(text);              // equals grid, same config ids
 * }</pre>
 */
public final class GridJson {

  private static final Set<String> GRID_KEYS = Set.of("version", "parameters", "candidates");
  private static final Set<String> CANDIDATE_KEYS = Set.of("config", "values");

  private GridJson() {}

  /** The grid as pretty JSON text. */
  public static String toJson(Grid grid) {
    return Json.write(toTree(grid));
  }

  /**
   * Reads a grid written by {@link #toJson}.
   *
   * @throws IllegalArgumentException (a {@link org.tune4j.tuning.json.JsonException} for bad
   *     syntax) naming the JSON path for unknown keys, wrong types, invalid parameters, values
   *     out of range, repeated rows and repeated config ids
   */
  public static Grid fromJson(String text) {
    return fromTree(Json.parse(text), Json.ROOT);
  }

  /** {@code {"version": 1, "parameters": [...], "candidates": [...]}}. */
  public static Map<String, Object> toTree(Grid grid) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("version", ParameterSetJson.VERSION);
    tree.put("parameters", ParameterSetJson.parametersToTree(grid.parameters()));
    List<Object> candidates = new ArrayList<>(grid.size());
    for (Candidate c : grid.candidates()) {
      Map<String, Object> candidate = new LinkedHashMap<>();
      candidate.put("config", c.configId());
      candidate.put("values", c.values());
      candidates.add(candidate);
    }
    tree.put("candidates", candidates);
    return tree;
  }

  /** Reads the tree of {@link #toTree} found at {@code path}. */
  public static Grid fromTree(Object tree, String path) {
    Map<String, Object> object = Json.requireObject(tree, path);
    Json.unknownKeys(object, GRID_KEYS, path);
    ParameterSetJson.checkVersion(object, path);
    ParameterSet params = ParameterSetJson.parametersFromTree(
        Json.requireList(object, "parameters", path), Json.child(path, "parameters"));
    String listPath = Json.child(path, "candidates");
    List<Object> list = Json.requireList(object, "candidates", path);
    List<String> configIds = new ArrayList<>(list.size());
    List<Map<String, Object>> rows = new ArrayList<>(list.size());
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = Json.element(listPath, i);
      Map<String, Object> candidate = Json.requireObject(list.get(i), at);
      Json.unknownKeys(candidate, CANDIDATE_KEYS, at);
      String configId = Json.requireString(candidate, "config", at);
      Integer earlier = firstIndex.putIfAbsent(configId, i);
      if (earlier != null) {
        throw new IllegalArgumentException(Json.child(at, "config") + " is \"" + configId
            + "\", the same as " + Json.element(listPath, earlier) + "; config ids must be"
            + " unique");
      }
      configIds.add(configId);
      rows.add(values(Json.requireObject(candidate, "values", at), Json.child(at, "values")));
    }
    try {
      return Grid.fromCandidates(params, configIds,
          UserGrids.checkRows(params, rows));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(listPath + ": " + e.getMessage(), e);
    }
  }

  /** The values, checked to be numbers or strings (the rest is checked as in Grids.of). */
  private static Map<String, Object> values(Map<String, Object> values, String path) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (!(e.getValue() instanceof Number || e.getValue() instanceof String)) {
        throw new IllegalArgumentException(Json.child(path, e.getKey()) + " is "
            + Json.describe(e.getValue()) + "; expected a number or a string");
      }
    }
    return values;
  }
}
