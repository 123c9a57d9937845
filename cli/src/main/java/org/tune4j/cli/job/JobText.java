package org.tune4j.cli.job;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.json.JsonException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns job text (YAML, or JSON when the source name ends in {@code .json}) into the tree
 * {@link Json#parse} gives: {@code LinkedHashMap<String, Object>}, {@code ArrayList<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean} and {@code null}. Syntax errors name
 * the source, the line and the column. Stateless and thread-safe.
 *
 * <pre>{@code
 * Object tree = JobText.parse("grid:\n  levels: 3\n", "job.yaml");
 * }</pre>
 */
public final class JobText {
  private JobText() {}

  /**
   * Parses {@code text}.
   *
   * @param source the file name, for messages; a name ending in {@code .json} is read as JSON
   * @throws IllegalArgumentException naming the source, line and column of a syntax error, or the
   *     path of a value YAML allows but a job cannot hold (a date, a non-string key, a huge integer)
   */
  public static Object parse(String text, String source) {
    if (source.endsWith(".json")) {
      try {
        return Json.parse(text);
      } catch (JsonException e) {
        throw new IllegalArgumentException(source + " line " + e.line() + ", column " + e.column()
            + ": " + e.reason() + "; fix the JSON there", e);
      }
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object raw;
    try {
      raw = new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new IllegalArgumentException(source + where + ": malformed YAML: " + problem
          + (e.getContext() != null && e.getProblem() != null ? " (" + e.getContext() + ")" : "")
          + "; fix the YAML there", e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(source + ": malformed YAML: " + e.getMessage(), e);
    }
    if (raw == null) {
      throw new IllegalArgumentException(source + " is empty; write a job (tune4j init prints an example)");
    }
    return tree(raw, Json.ROOT, source);
  }

  private static Object tree(Object value, String path, String source) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger) {
      throw new IllegalArgumentException(source + ": " + path + " is " + value + ", too large; give an integer within 64 bits");
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(source + ": key " + e.getKey() + " at " + path
              + " is not text; write keys as names (e.g. dense_units)");
        }
        out.put(key, tree(e.getValue(), Json.child(path, key), source));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(tree(list.get(i), Json.element(path, i), source));
      }
      return out;
    }
    throw new IllegalArgumentException(source + ": " + path + " is a " + value.getClass().getSimpleName()
        + " (" + value + "); quote it to make it text");
  }
}
