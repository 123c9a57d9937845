package org.tune4j.tuning.json;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes and parses JSON (RFC 8259), and reads parsed trees with errors that name the JSON
 * path.
 *
 * <p>{@link #write} turns maps, lists and scalars into pretty, deterministic text;
 * {@link #parse} turns text back into a tree. Integers stay integers ({@code Integer} and
 * {@code Long} are written without a fraction and read back as {@code Long}); doubles are
 * written with the fewest digits that read back to the same double and always look like
 * doubles ({@code 1.0}, {@code 1e-10}), so they read back as {@code Double}. {@code -0.0} is
 * written as {@code -0.0} and reads back as {@code -0.0}; the literal {@code -0} reads as
 * {@code Long} 0. The typed readers ({@link #requireString}, {@link #requireDouble},
 * {@link #unknownKeys}, ...) take the path of the object they read, e.g. {@code $.grid}, and
 * throw {@link IllegalArgumentException}s that name the full path, what was found and what is
 * expected. Stateless and thread-safe.
 *
 * <pre>{@code
 * String text = Json.write(Map.of("levels", 3));           // "{\n  \"levels\": 3\n}\n"
 * Map<String, Object> grid = Json.requireObject(Json.parse(text), Json.ROOT);
 * Json.unknownKeys(grid, Set.of("levels", "size"), Json.ROOT);
 * long levels = Json.requireLong(grid, "levels", Json.ROOT);
 * }</pre>
 */
public final class Json {

  /** The path of the top-level value. */
  public static final String ROOT = "$";
  /** The deepest nesting of arrays and objects that {@link #parse} and {@link #write} accept. */
  public static final int MAX_DEPTH = 512;
  /** Strings longer than this are cut in error messages. */
  private static final int SHOWN_CHARS = 40;

  private Json() {}

  /**
   * The value as pretty JSON with two-space indentation and a final newline: {@code Map} with
   * {@code String} keys (in the map's iteration order, so use a {@code LinkedHashMap}),
   * {@code List}, {@code String}, {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
   * {@code Double}, {@code Float}, {@code Boolean} and {@code null}. Lists that hold no map or
   * list are written on one line. The same value always gives the same text.
   *
   * @throws IllegalArgumentException naming the path (e.g. {@code $.candidates[3].learn_rate})
   *     for NaN, infinities, non-string keys and other types
   */
  public static String write(Object value) {
    return JsonWriter.write(value);
  }

  /**
   * Parses one JSON text into {@code LinkedHashMap<String, Object>}, {@code ArrayList<Object>},
   * {@code String}, {@code Long} (integer literals that fit a long), {@code Double} (other
   * numbers), {@code Boolean} or {@code null}. A leading byte order mark is ignored.
   *
   * @throws JsonException with the line and column for invalid JSON and duplicate keys
   */
  public static Object parse(String text) {
    return JsonParser.parse(text);
  }

  /** The path of member {@code key} of the object at {@code path}: {@code $.grid.levels}. */
  public static String child(String path, String key) {
    if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return path + "." + key;
    }
    return path + "[\"" + escape(key) + "\"]";
  }

  /** The path of element {@code index} (0-based) of the array at {@code path}: {@code $.a[3]}. */
  public static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * The value as a JSON object.
   *
   * @throws IllegalArgumentException naming {@code path} if it is not an object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> requireObject(Object value, String path) {
    if (!(value instanceof Map<?, ?>)) {
      throw wrongType(value, path, "an object");
    }
    return (Map<String, Object>) value;
  }

  /**
   * The value as a JSON array.
   *
   * @throws IllegalArgumentException naming {@code path} if it is not an array
   */
  @SuppressWarnings("unchecked")
  public static List<Object> requireList(Object value, String path) {
    if (!(value instanceof List<?>)) {
      throw wrongType(value, path, "an array");
    }
    return (List<Object>) value;
  }

  /** Member {@code key} of the object at {@code path}, an object. */
  public static Map<String, Object> requireObject(Map<String, ?> object, String key,
      String path) {
    return requireObject(require(object, key, path, "an object"), child(path, key));
  }

  /** Member {@code key} of the object at {@code path}, an array. */
  public static List<Object> requireList(Map<String, ?> object, String key, String path) {
    return requireList(require(object, key, path, "an array"), child(path, key));
  }

  /** Member {@code key} of the object at {@code path}, a string. */
  public static String requireString(Map<String, ?> object, String key, String path) {
    return asString(require(object, key, path, "a string"), child(path, key));
  }

  /** Member {@code key} of the object at {@code path}, a boolean. */
  public static boolean requireBoolean(Map<String, ?> object, String key, String path) {
    return asBoolean(require(object, key, path, "a boolean"), child(path, key));
  }

  /**
   * Member {@code key} of the object at {@code path}, an integer: a {@code Long} (or
   * {@code Integer}), not a number with a fraction or exponent such as {@code 3.0}.
   */
  public static long requireLong(Map<String, ?> object, String key, String path) {
    return asLong(require(object, key, path, "an integer"), child(path, key));
  }

  /** Member {@code key} of the object at {@code path}, an integer in the {@code int} range. */
  public static int requireInt(Map<String, ?> object, String key, String path) {
    long value = requireLong(object, key, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(child(path, key) + " is " + value
          + "; expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** Member {@code key} of the object at {@code path}, a finite number (integers accepted). */
  public static double requireDouble(Map<String, ?> object, String key, String path) {
    return asDouble(require(object, key, path, "a number"), child(path, key));
  }

  /** Member {@code key} as a string, or empty if absent or {@code null}. */
  public static Optional<String> optionalString(Map<String, ?> object, String key,
      String path) {
    return present(object, key) ? Optional.of(requireString(object, key, path))
        : Optional.empty();
  }

  /** Member {@code key} as a boolean, or empty if absent or {@code null}. */
  public static Optional<Boolean> optionalBoolean(Map<String, ?> object, String key,
      String path) {
    return present(object, key) ? Optional.of(requireBoolean(object, key, path))
        : Optional.empty();
  }

  /** Member {@code key} as an integer, or empty if absent or {@code null}. */
  public static Optional<Long> optionalLong(Map<String, ?> object, String key, String path) {
    return present(object, key) ? Optional.of(requireLong(object, key, path))
        : Optional.empty();
  }

  /** Member {@code key} as a finite number, or empty if absent or {@code null}. */
  public static Optional<Double> optionalDouble(Map<String, ?> object, String key,
      String path) {
    return present(object, key) ? Optional.of(requireDouble(object, key, path))
        : Optional.empty();
  }

  /** Member {@code key} as an array, or empty if absent or {@code null}. */
  public static Optional<List<Object>> optionalList(Map<String, ?> object, String key,
      String path) {
    return present(object, key) ? Optional.of(requireList(object, key, path))
        : Optional.empty();
  }

  /** Member {@code key} as an object, or empty if absent or {@code null}. */
  public static Optional<Map<String, Object>> optionalObject(Map<String, ?> object, String key,
      String path) {
    return present(object, key) ? Optional.of(requireObject(object, key, path))
        : Optional.empty();
  }

  /** The value at {@code path} as a string. */
  public static String asString(Object value, String path) {
    if (!(value instanceof String s)) {
      throw wrongType(value, path, "a string");
    }
    return s;
  }

  /** The value at {@code path} as a boolean. */
  public static boolean asBoolean(Object value, String path) {
    if (!(value instanceof Boolean b)) {
      throw wrongType(value, path, "a boolean");
    }
    return b;
  }

  /** The value at {@code path} as an integer ({@code Long}, {@code Integer}, ...). */
  public static long asLong(Object value, String path) {
    if (!(value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte)) {
      throw wrongType(value, path, "an integer");
    }
    return ((Number) value).longValue();
  }

  /** The value at {@code path} as a finite double (any {@code Number}). */
  public static double asDouble(Object value, String path) {
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw wrongType(value, path, "a finite number");
    }
    return n.doubleValue();
  }

  /**
   * Checks that the object at {@code path} has no key outside {@code known}.
   *
   * @throws IllegalArgumentException for the first unknown key, suggesting the nearest known
   *     key within two edits ({@code unknown key "levles" at $.grid; did you mean "levels"?}),
   *     otherwise listing the known keys
   */
  public static void unknownKeys(Map<String, ?> object, Set<String> known, String path) {
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        String head = "unknown key \"" + escape(key) + "\" at " + path;
        throw new IllegalArgumentException(KeySuggestions.nearest(key, known)
            .map(s -> head + "; did you mean \"" + s + "\"?")
            .orElse(head + "; known keys: " + String.join(", ", KeySuggestions.sorted(known))));
      }
    }
  }

  /** The string with {@code "}, {@code \} and control characters escaped, without quotes. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static boolean present(Map<String, ?> object, String key) {
    return object.get(key) != null;
  }

  private static Object require(Map<String, ?> object, String key, String path,
      String expected) {
    if (!object.containsKey(key)) {
      throw new IllegalArgumentException("missing key \"" + key + "\" at " + path + "; add it ("
          + expected + ")");
    }
    return object.get(key);
  }

  private static IllegalArgumentException wrongType(Object value, String path,
      String expected) {
    return new IllegalArgumentException(path + " is " + describe(value) + "; expected "
        + expected);
  }

  /** What a parsed value is, for messages: {@code a string ("abc")}, {@code null}, ... */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      String shown = s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "..." : s;
      return "a string (\"" + escape(shown) + "\")";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return (value instanceof Number ? "a number (" : "a boolean (") + value + ")";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return value instanceof Collection<?> ? "an array" : "a " + value.getClass().getName();
  }

  /**
   * A double as a JSON value that keeps every double: NaN as {@code null}, infinities as the strings
   * {@code "Inf"} and {@code "-Inf"} (JSON has no literal for them), finite values as themselves.
   * {@link #decodeDouble} reads it back.
   */
  public static Object encodeDouble(double d) {
    if (Double.isNaN(d)) {
      return null;
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Inf" : "-Inf";
    }
    return d;
  }

  /**
   * Reads a value written by {@link #encodeDouble}.
   *
   * @throws IllegalArgumentException naming {@code path} when the value is neither
   */
  public static double decodeDouble(Object value, String path) {
    if (value == null) {
      return Double.NaN;
    }
    if ("Inf".equals(value)) {
      return Double.POSITIVE_INFINITY;
    }
    if ("-Inf".equals(value)) {
      return Double.NEGATIVE_INFINITY;
    }
    return asDouble(value, path);
  }
}
