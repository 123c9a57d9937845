package org.tune4j.cli.job;

import static org.tune4j.tuning.spec.Tunable.tune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.tune4j.models.spec.Block;
import org.tune4j.models.spec.BlockKind;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.weights.KerasModelsCache;
import org.tune4j.models.weights.PublishedWeights;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.QualitativeParameter;

/**
 * Builds the {@link ModelSpec} of a job from its {@code backbone}, {@code head}, {@code fit} and
 * {@code parameters} sections: input → the backbone (frozen) → head blocks → softmax output. The word
 * {@code tune} as a value marks a tuned argument. Stateless and thread-safe.
 */
final class SpecReader {
  /** The {@code fit} keys that are Keras compile arguments (the optimizer's). */
  static final Set<String> COMPILE_KEYS = Set.copyOf(Compile.argumentNames());
  /** The keys of {@code fit}: the spec's fit and compile arguments. */
  static final Set<String> FIT_KEYS = java.util.stream.Stream.concat(Fit.argumentNames().stream(),
      COMPILE_KEYS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final String TUNE = "tune";

  private SpecReader() {}

  /**
   * The backbone block of a job's {@code backbone} section: {@code name} (a {@link BackboneFamily}, resnet50 by
   * default) and its weights, {@code random}, {@code imagenet}, {@code auto} or a path to a Keras .h5 file.
   */
  static Block backbone(Map<String, Object> backbone, String path, Path base, Consumer<String> notes) {
    Json.unknownKeys(backbone, Set.of("name", "weights", "weights_seed"), path);
    BackboneFamily family = family(backbone, path);
    return Blocks.backbone(family, weights(family, backbone, path, base, notes));
  }

  /** The family a job's {@code backbone} section names ({@code name}, resnet50 by default). */
  static BackboneFamily family(Map<String, Object> backbone, String path) {
    String name = Json.optionalString(backbone, "name", path).orElse(BackboneFamily.RESNET50.kerasName());
    try {
      return BackboneFamily.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(path, "name") + " is \"" + name + "\"; choose from: "
          + String.join(", ", BackboneFamily.names()), e);
    }
  }

  private static Weights weights(BackboneFamily family, Map<String, Object> backbone, String path, Path base,
      Consumer<String> notes) {
    String w = Json.optionalString(backbone, "weights", path).orElse("random");
    long seed = Json.optionalLong(backbone, "weights_seed", path).orElse(42L);
    KerasModelsCache cache = KerasModelsCache.ofUserHome();
    PublishedWeights published = PublishedWeights.of(family);
    Optional<Path> imagenet = cache.find(published);
    switch (w) {
      case "random":
        return Weights.random(seed);
      case "imagenet":
        return Weights.file(imagenet.orElseThrow(() -> new IllegalArgumentException(Json.child(path, "weights")
            + " is \"imagenet\" but " + cache.pathOf(published) + " does not exist; download it with Keras ("
            + family.applicationName() + "(include_top=False)) or give weights: random")));
      case "auto":
        if (imagenet.isPresent()) {
          return Weights.file(imagenet.get());
        }
        notes.accept("No ImageNet weights at " + cache.pathOf(published)
            + ": using random frozen weights (seed " + seed + ")");
        return Weights.random(seed);
      default:
        Path file = base.resolve(w).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException(Json.child(path, "weights") + ": weights file " + file
              + " does not exist; give random, imagenet, auto or the path of a Keras " + family.applicationName()
              + " notop .h5 file");
        }
        return Weights.file(file);
    }
  }

  /** The spec: input, the backbone block (named base), the head blocks, softmax output, fit, compile, ranges. */
  static ModelSpec spec(String name, Block backbone, List<Object> head, Map<String, Object> fit,
      Map<String, Object> parameters) {
    ModelSpec spec = ModelSpec.functional(name)
        .block("input", Blocks.imageInput())
        .block("base", backbone, "input");
    String previous = "base";
    String headPath = Json.child(Json.ROOT, "head");
    for (int i = 0; i < head.size(); i++) {
      String path = Json.element(headPath, i);
      Map<String, Object> b = Json.requireObject(head.get(i), path);
      String kind = Json.requireString(b, "block", path);
      String blockName = Json.optionalString(b, "name", path).orElse(kind);
      if (spec.blocks().containsKey(blockName)) {
        throw new IllegalArgumentException(path + ": a block named \"" + blockName + "\" already exists; give this one"
            + " a name (name: " + blockName + "_2)");
      }
      spec = spec.block(blockName, block(kind, b, path), previous);
      previous = blockName;
    }
    spec = spec.block(ModelSpec.OUTPUT, Blocks.softmaxOutput(), previous);
    String fitPath = Json.child(Json.ROOT, "fit");
    Json.unknownKeys(fit, FIT_KEYS, fitPath);
    Fit f = Fit.defaults();
    Compile c = Compile.adam();
    for (Map.Entry<String, Object> e : fit.entrySet()) {
      Object v = value(e.getValue());
      try {
        if (COMPILE_KEYS.contains(e.getKey())) {
          c = c.with(e.getKey(), v);
        } else {
          f = f.with(e.getKey(), v);
        }
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(Json.child(fitPath, e.getKey()) + ": " + ex.getMessage(), ex);
      }
    }
    spec = spec.fit(f).compile(c);
    return ranges(spec, parameters);
  }

  private static Block block(String kind, Map<String, Object> b, String path) {
    BlockKind k;
    try {
      k = BlockKind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(path, "block") + ": " + e.getMessage(), e);
    }
    if (k == BlockKind.IMAGE_INPUT || k == BlockKind.SOFTMAX_OUTPUT || k.isBackbone()) {
      throw new IllegalArgumentException(Json.child(path, "block") + " is \"" + kind
          + "\"; the input, backbone and softmax output are added for you: list only the blocks between them");
    }
    Set<String> known = new java.util.HashSet<>(k.argNames());
    known.addAll(Set.of("block", "name", "repeat"));
    Json.unknownKeys(b, known, path);
    Block block = Block.of(k);
    for (Map.Entry<String, Object> e : b.entrySet()) {
      if (k.argNames().contains(e.getKey())) {
        try {
          block = block.with(e.getKey(), value(e.getValue()));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(Json.child(path, e.getKey()) + ": " + ex.getMessage(), ex);
        }
      }
    }
    if (b.containsKey("repeat")) {
      block = block.repeat(value(b.get("repeat")));
    }
    return block;
  }

  private static Object value(Object v) {
    return TUNE.equals(v) ? tune() : v;
  }

  /** Replaces the ranges of the tuned parameters named in {@code parameters}. */
  private static ModelSpec ranges(ModelSpec spec, Map<String, Object> parameters) {
    String root = Json.child(Json.ROOT, "parameters");
    Json.unknownKeys(parameters, Set.copyOf(spec.parameters().ids()), root);
    for (Map.Entry<String, Object> e : parameters.entrySet()) {
      String path = Json.child(root, e.getKey());
      Map<String, Object> range = Json.requireObject(e.getValue(), path);
      Parameter p = spec.parameters().get(e.getKey());
      Parameter updated;
      if (p instanceof NumericParameter n) {
        Json.unknownKeys(range, Set.of("min", "max"), path);
        double min = Json.optionalDouble(range, "min", path).orElse(n.lower());
        double max = Json.optionalDouble(range, "max", path).orElse(n.upper());
        if (min > max || (min == max && !(n.lowerInclusive() && n.upperInclusive()))) {
          throw new IllegalArgumentException(path + " has min " + min + " and max " + max
              + ": the range is empty; give min < max");
        }
        try {
          updated = n.withRange(min, max);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(path + ": " + ex.getMessage(), ex);
        }
      } else {
        QualitativeParameter q = (QualitativeParameter) p;
        Json.unknownKeys(range, Set.of("values"), path);
        List<String> values = Json.requireList(range, "values", path).stream()
            .map(o -> Json.asString(o, Json.child(path, "values"))).toList();
        if (values.isEmpty()) {
          throw new IllegalArgumentException(Json.child(path, "values") + " is empty; give at least one of "
              + q.values());
        }
        updated = q.withValues(values);
      }
      spec = spec.update(e.getKey(), updated);
    }
    return spec;
  }
}
