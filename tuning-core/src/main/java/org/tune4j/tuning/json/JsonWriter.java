package org.tune4j.tuning.json;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and scalars as pretty JSON: two-space indentation, one member
 * or element per line, except that a non-empty list of scalars goes on one line. One instance
 * writes one tree; {@link Json#write} makes a new one per call.
 */
final class JsonWriter {

  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  static String write(Object value) {
    JsonWriter writer = new JsonWriter();
    writer.writeValue(value, Json.ROOT, 0);
    return writer.out.append('\n').toString();
  }

  private void writeValue(Object value, String path, int depth) {
    if (depth > Json.MAX_DEPTH) {
      throw new IllegalArgumentException("value at " + path + " is nested deeper than "
          + Json.MAX_DEPTH + " maps/lists (a cycle?); flatten it");
    }
    if (value instanceof Map<?, ?> map) {
      writeObject(map, path, depth);
    } else if (value instanceof List<?> list) {
      writeArray(list, path, depth);
    } else {
      writeScalar(value, path);
    }
  }

  private void writeObject(Map<?, ?> map, String path, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("map key " + e.getKey() + " at " + path + " is "
            + (e.getKey() == null ? "null" : "a " + e.getKey().getClass().getName())
            + "; JSON object keys must be strings");
      }
      indent(depth + 1);
      out.append('"').append(Json.escape(key)).append("\": ");
      writeValue(e.getValue(), Json.child(path, key), depth + 1);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    indent(depth);
    out.append('}');
  }

  private void writeArray(List<?> list, String path, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    boolean inline = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    out.append(inline ? "[" : "[\n");
    for (int i = 0; i < list.size(); i++) {
      if (!inline) {
        indent(depth + 1);
      }
      writeValue(list.get(i), Json.element(path, i), depth + 1);
      if (i + 1 < list.size()) {
        out.append(inline ? ", " : ",\n");
      } else if (!inline) {
        out.append('\n');
      }
    }
    if (!inline) {
      indent(depth);
    }
    out.append(']');
  }

  private void writeScalar(Object value, String path) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append('"').append(Json.escape(s)).append('"');
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.append(JsonNumbers.format((Number) value, path));
    } else {
      throw new IllegalArgumentException("value at " + path + " is a "
          + value.getClass().getName() + "; JSON can hold Map, List, String, Integer, Long,"
          + " Double, Float, Boolean or null");
    }
  }

  private void indent(int depth) {
    out.append(INDENT.repeat(depth));
  }
}
