package org.tune4j.models.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.ParameterSetJson;
import org.tune4j.tuning.spec.Tunable;

/**
 * Writes a {@link ModelSpec} as JSON and reads it back, unchanged. Stateless and thread-safe.
 *
 * <p>The format: {@code version}, {@code name}, {@code form} (functional / sequential),
 * {@code blocks} (each {@code name}, {@code kind}, {@code inputs}, {@code args}, {@code repeat}),
 * {@code fit}, {@code compile} and {@code overrides} (replaced parameter ranges). A tuned argument
 * is {@code {"tune": null}} or {@code {"tune": "my_id"}}; weights are
 * {@code {"type": "random", "seed": 42}}, {@code {"type": "file", "path": "…"}} or
 * {@code {"type": "imagenet"}}.
 */
public final class ModelSpecJson {
  /** The format version written. */
  public static final int VERSION = 1;

  private ModelSpecJson() {}

  /** The spec as JSON text. */
  public static String toJson(ModelSpec spec) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    root.put("name", spec.name());
    root.put("form", spec.isSequential() ? "sequential" : "functional");
    List<Object> blocks = new ArrayList<>();
    spec.nodes().forEach((name, node) -> {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("name", name);
      b.put("kind", node.block().kind().kerasName());
      b.put("inputs", new ArrayList<Object>(node.inputs()));
      Map<String, Object> args = new LinkedHashMap<>();
      node.block().args().forEach((k, v) -> args.put(k, value(v)));
      b.put("args", args);
      b.put("repeat", value(node.block().repeat()));
      blocks.add(b);
    });
    root.put("blocks", blocks);
    root.put("fit", settings(spec.fitArgs().settings));
    root.put("compile", settings(spec.compileArgs().settings));
    List<Object> overrides = new ArrayList<>();
    spec.overrides().values().forEach(p -> overrides.add(ParameterSetJson.parameterToTree(p)));
    root.put("overrides", overrides);
    return Json.write(root);
  }

  /**
   * Reads a spec written by {@link #toJson}.
   *
   * @throws IllegalArgumentException naming the JSON path (and the nearest key for a misspelt one)
   */
  public static ModelSpec fromJson(String text) {
    Map<String, Object> root = Json.requireObject(Json.parse(text), Json.ROOT);
    Json.unknownKeys(root, Set.of("version", "name", "form", "blocks", "fit", "compile", "overrides"), Json.ROOT);
    long version = Json.requireLong(root, "version", Json.ROOT);
    if (version != VERSION) {
      throw new IllegalArgumentException("$.version is " + version + "; this tune4j reads spec version " + VERSION);
    }
    String form = Json.requireString(root, "form", Json.ROOT);
    String name = Json.requireString(root, "name", Json.ROOT);
    ModelSpec spec = switch (form) {
      case "functional" -> ModelSpec.functional(name);
      case "sequential" -> ModelSpec.sequential(name);
      default -> throw new IllegalArgumentException("$.form is \"" + form + "\"; choose functional or sequential");
    };
    List<Object> blocks = Json.requireList(root, "blocks", Json.ROOT);
    for (int i = 0; i < blocks.size(); i++) {
      spec = readBlock(spec, blocks.get(i), Json.element(Json.child(Json.ROOT, "blocks"), i));
    }
    Fit fit = Fit.defaults();
    for (Map.Entry<String, Object> e : Json.requireObject(root, "fit", Json.ROOT).entrySet()) {
      fit = fit.with(e.getKey(), arg(e.getValue(), Json.child("$.fit", e.getKey())));
    }
    Compile compile = Compile.adam();
    for (Map.Entry<String, Object> e : Json.requireObject(root, "compile", Json.ROOT).entrySet()) {
      compile = compile.with(e.getKey(), arg(e.getValue(), Json.child("$.compile", e.getKey())));
    }
    spec = spec.fit(fit).compile(compile);
    List<Object> overrides = Json.requireList(root, "overrides", Json.ROOT);
    for (int i = 0; i < overrides.size(); i++) {
      var p = ParameterSetJson.parameterFromTree(overrides.get(i), Json.element("$.overrides", i));
      spec = spec.update(p.id(), p);
    }
    return spec;
  }

  private static ModelSpec readBlock(ModelSpec spec, Object tree, String path) {
    Map<String, Object> b = Json.requireObject(tree, path);
    Json.unknownKeys(b, Set.of("name", "kind", "inputs", "args", "repeat"), path);
    Block block = Block.of(BlockKind.parse(Json.requireString(b, "kind", path)));
    for (Map.Entry<String, Object> e : Json.requireObject(b, "args", path).entrySet()) {
      String argPath = Json.child(Json.child(path, "args"), e.getKey());
      try {
        block = block.with(e.getKey(), arg(e.getValue(), argPath));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(argPath + ": " + ex.getMessage(), ex);
      }
    }
    Object repeat = arg(b.get("repeat"), Json.child(path, "repeat"));
    if (repeat instanceof Tunable || !Integer.valueOf(1).equals(ArgType.INT.coerce(repeat, Json.child(path, "repeat")))) {
      block = block.repeat(repeat);
    }
    List<String> inputs = new ArrayList<>();
    for (Object in : Json.requireList(b, "inputs", path)) {
      inputs.add(Json.asString(in, Json.child(path, "inputs")));
    }
    return spec.block(Json.requireString(b, "name", path), block, inputs.toArray(new String[0]));
  }

  private static Object value(Object v) {
    if (v instanceof Tunable t) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tune", t.id().orElse(null));
      return m;
    }
    if (v instanceof Weights.Random r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "random");
      m.put("seed", r.seed());
      return m;
    }
    if (v instanceof Weights.ImageNet) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "imagenet");
      return m;
    }
    if (v instanceof Weights.KerasFile f) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "file");
      m.put("path", f.path().toString());
      return m;
    }
    return v;
  }

  private static Object arg(Object v, String path) {
    if (v instanceof Map<?, ?> raw) {
      Map<String, Object> m = Json.requireObject(raw, path);
      if (m.containsKey("tune")) {
        Json.unknownKeys(m, Set.of("tune"), path);
        Object id = m.get("tune");
        return id == null ? Tunable.tune() : Tunable.tune(Json.asString(id, Json.child(path, "tune")));
      }
      Json.unknownKeys(m, Set.of("type", "seed", "path"), path);
      String type = Json.requireString(m, "type", path);
      return switch (type) {
        case "random" -> Weights.random(Json.requireLong(m, "seed", path));
        case "file" -> Weights.file(Path.of(Json.requireString(m, "path", path)));
        case "imagenet" -> {
          Json.unknownKeys(m, Set.of("type"), path);
          yield Weights.imagenet();
        }
        default -> throw new IllegalArgumentException(Json.child(path, "type") + " is \"" + type
            + "\"; choose random, file or imagenet");
      };
    }
    if (v == null) {
      throw new IllegalArgumentException(path + " is null; give a value or {\"tune\": null}");
    }
    return v;
  }

  private static Map<String, Object> settings(Settings s) {
    Map<String, Object> out = new LinkedHashMap<>();
    s.values().forEach((k, v) -> {
      if (!(Settings.WRITTEN_WHEN_SET.contains(k) && v.equals(s.spec(k).defaultValue()))) {
        out.put(k, value(v));
      }
    });
    return out;
  }
}
