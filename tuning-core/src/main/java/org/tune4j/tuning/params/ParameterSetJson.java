package org.tune4j.tuning.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tune4j.tuning.json.Json;

/**
 * The JSON form of parameters and parameter sets (see the JSON section of
 * {@code tuning-core/GRIDS.md}), as text or as a tree for embedding in larger documents such
 * as grids and specs.
 *
 * <p>A parameter set is {@code {"version": 1, "parameters": [...]}}; a numeric parameter has
 * {@code id}, {@code label}, {@code type} ({@code double} or {@code integer}), {@code lower},
 * {@code upper} (on the transformed scale), {@code lower_inclusive}, {@code upper_inclusive}
 * and {@code transform} ({@code identity}, {@code log10} or {@code log2}); a qualitative one has
 * {@code id}, {@code label}, {@code type} ({@code qualitative}) and {@code values}. Every key is
 * required and unknown keys are errors. Stateless and thread-safe.
 *
 * <pre>{@code
 * String text = ParameterSetJson.toJson(params);     // same as params.toJson()
 * ParameterSet back = ParameterSetJson.fromJson(text);
 * }</pre>
 */
public final class ParameterSetJson {

  /** The format version written to and required in {@code "version"}. */
  public static final int VERSION = 1;

  private static final String QUALITATIVE = "qualitative";
  private static final Set<String> SET_KEYS = Set.of("version", "parameters");
  private static final Set<String> NUMERIC_KEYS = Set.of("id", "label", "type", "lower",
      "upper", "lower_inclusive", "upper_inclusive", "transform");
  private static final Set<String> QUALITATIVE_KEYS = Set.of("id", "label", "type", "values");

  private ParameterSetJson() {}

  /** The parameter set as pretty JSON text. */
  public static String toJson(ParameterSet params) {
    return Json.write(toTree(params));
  }

  /**
   * Reads a parameter set written by {@link #toJson}.
   *
   * @throws IllegalArgumentException (a {@link org.tune4j.tuning.json.JsonException} for bad
   *     syntax) naming the JSON path for unknown keys, wrong types and invalid parameters
   */
  public static ParameterSet fromJson(String text) {
    return fromTree(Json.parse(text), Json.ROOT);
  }

  /** {@code {"version": 1, "parameters": [...]}}. */
  public static Map<String, Object> toTree(ParameterSet params) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("version", VERSION);
    tree.put("parameters", parametersToTree(params));
    return tree;
  }

  /** Reads the tree of {@link #toTree} found at {@code path}. */
  public static ParameterSet fromTree(Object tree, String path) {
    Map<String, Object> object = Json.requireObject(tree, path);
    Json.unknownKeys(object, SET_KEYS, path);
    checkVersion(object, path);
    return parametersFromTree(Json.requireList(object, "parameters", path),
        Json.child(path, "parameters"));
  }

  /**
   * Checks member {@code "version"} of the object at {@code path} is {@link #VERSION}.
   *
   * @throws IllegalArgumentException naming the path if it is missing or another version
   */
  public static void checkVersion(Map<String, ?> object, String path) {
    long version = Json.requireLong(object, "version", path);
    if (version != VERSION) {
      throw new IllegalArgumentException(Json.child(path, "version") + " is " + version
          + "; this tune4j reads version " + VERSION);
    }
  }

  /** The parameters as a JSON array of parameter objects, in order. */
  public static List<Object> parametersToTree(ParameterSet params) {
    List<Object> list = new ArrayList<>(params.size());
    for (Parameter p : params) {
      list.add(parameterToTree(p));
    }
    return list;
  }

  /** Reads the array of {@link #parametersToTree} found at {@code path}. */
  public static ParameterSet parametersFromTree(Object tree, String path) {
    List<Object> list = Json.requireList(tree, path);
    List<Parameter> params = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      params.add(parameterFromTree(list.get(i), Json.element(path, i)));
    }
    try {
      return ParameterSet.of(params);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /** One parameter as a JSON object with every field. */
  public static Map<String, Object> parameterToTree(Parameter parameter) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", parameter.id());
    tree.put("label", parameter.label());
    if (parameter instanceof NumericParameter n) {
      tree.put("type", n.type().name().toLowerCase(Locale.ROOT));
      tree.put("lower", n.lower());
      tree.put("upper", n.upper());
      tree.put("lower_inclusive", n.lowerInclusive());
      tree.put("upper_inclusive", n.upperInclusive());
      tree.put("transform", n.transform().name().toLowerCase(Locale.ROOT));
    } else {
      tree.put("type", QUALITATIVE);
      tree.put("values", List.copyOf(((QualitativeParameter) parameter).values()));
    }
    return tree;
  }

  /** Reads the object of {@link #parameterToTree} found at {@code path}. */
  public static Parameter parameterFromTree(Object tree, String path) {
    Map<String, Object> object = Json.requireObject(tree, path);
    String type = Json.requireString(object, "type", path);
    boolean qualitative = QUALITATIVE.equals(type);
    Json.unknownKeys(object, qualitative ? QUALITATIVE_KEYS : NUMERIC_KEYS, path);
    String id = Json.requireString(object, "id", path);
    String label = Json.requireString(object, "label", path);
    if (qualitative) {
      List<String> values = strings(object, path);
      return construct(path, () -> new QualitativeParameter(id, label, values));
    }
    NumericType numericType = choose(NumericType.class, type, Json.child(path, "type"),
        "double, integer, qualitative");
    Transform transform = choose(Transform.class, Json.requireString(object, "transform", path),
        Json.child(path, "transform"), "identity, log10, log2");
    double lower = Json.requireDouble(object, "lower", path);
    double upper = Json.requireDouble(object, "upper", path);
    boolean lowerInclusive = Json.requireBoolean(object, "lower_inclusive", path);
    boolean upperInclusive = Json.requireBoolean(object, "upper_inclusive", path);
    return construct(path, () -> new NumericParameter(id, label, numericType, lower, upper,
        lowerInclusive, upperInclusive, transform));
  }

  /** Runs a constructor, putting the JSON path in front of its validation message. */
  private static Parameter construct(String path, Supplier<Parameter> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(Map<String, Object> object, String path) {
    List<Object> raw = Json.requireList(object, "values", path);
    List<String> values = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      values.add(Json.asString(raw.get(i), Json.element(Json.child(path, "values"), i)));
    }
    return values;
  }

  private static <E extends Enum<E>> E choose(Class<E> type, String name, String path,
      String choices) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(path + " is \"" + name + "\"; choose from: " + choices);
  }
}
