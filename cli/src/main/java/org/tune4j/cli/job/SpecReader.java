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
 * Builds the {@link ModelSpec} of a job from its {@code augmentation}, {@code backbone}, {@code head}, {@code fit}
 * and {@code parameters} sections: input → augmentation views and their transforms → the backbone (frozen) → head
 * blocks → softmax output. The word
 * {@code tune} as a value marks a tuned argument. Stateless and thread-safe.
 */
final class SpecReader {
  /** The {@code fit} keys that are Keras compile arguments (the optimizer's). */
  static final Set<String> COMPILE_KEYS = Set.copyOf(Compile.argumentNames());
  /** The keys of {@code fit}: the spec's fit and compile arguments. */
  static final Set<String> FIT_KEYS = java.util.stream.Stream.concat(Fit.argumentNames().stream(),
      COMPILE_KEYS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final String TUNE = "tune";
  /** The argument of random_contrast and random_brightness that bounds the pixels. */
  private static final String VALUE_MAX = "value_max";
  /** The largest pixel value of a job's images, which are scaled to [0, 1]. */
  private static final double JOB_PIXEL_MAX = 1.0;

  private SpecReader() {}

  /**
   * The backbone block of a job's {@code backbone} section: {@code name} (a {@link BackboneFamily}, resnet50 by
   * default, or {@code tune}: the parameter {@code base_model}) and its weights, {@code random}, {@code imagenet},
   * {@code auto} or a path to a Keras .h5 file.
   *
   * @param families the families the section can run, as {@link #families} reads them
   */
  static Block backbone(Map<String, Object> backbone, String path, Path base, List<BackboneFamily> families,
      Consumer<String> notes) {
    if (tuned(backbone, path)) {
      return TunedBackbone.block(backbone, path, families, notes);
    }
    BackboneFamily family = families.get(0);
    return Blocks.backbone(family, weights(family, backbone, path, base, notes));
  }

  /**
   * The families a job's {@code backbone} section can run, its keys checked: the one {@code name} names (resnet50
   * by default), or, for {@code name: tune}, those {@code parameters.base_model.values} names (every family when
   * absent).
   */
  static List<BackboneFamily> families(Map<String, Object> backbone, String path, Map<String, Object> parameters) {
    Json.unknownKeys(backbone, Set.of("name", "weights", "weights_seed", BackbonePreprocessing.KEY), path);
    return tuned(backbone, path) ? TunedBackbone.families(parameters)
        : List.of(family(name(backbone, path), Json.child(path, "name")));
  }

  private static String name(Map<String, Object> backbone, String path) {
    return Json.optionalString(backbone, "name", path).orElse(BackboneFamily.RESNET50.kerasName());
  }

  private static boolean tuned(Map<String, Object> backbone, String path) {
    return TUNE.equals(name(backbone, path));
  }

  /** The family {@code name} names; {@code where} is its place in the job, for the message. */
  static BackboneFamily family(String name, String where) {
    try {
      return BackboneFamily.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is \"" + name + "\"; choose from: "
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

  /**
   * The spec: input, the job's augmentation section (an {@code augmentation} block and its transforms), the backbone
   * block (named base), the head blocks, softmax output, fit, compile, ranges.
   */
  static ModelSpec spec(String name, Block backbone, Optional<Map<String, Object>> augmentation, List<Object> head,
      Map<String, Object> fit, Map<String, Object> parameters) {
    ModelSpec spec = ModelSpec.functional(name).block("input", Blocks.imageInput());
    String previous = "input";
    if (augmentation.isPresent()) {
      String augPath = Json.child(Json.ROOT, "augmentation");
      Map<String, Object> a = augmentation.get();
      Json.unknownKeys(a, Set.of("views", "seed", "transforms"), augPath);
      Block views = Block.of(BlockKind.AUGMENTATION);
      for (String arg : List.of("views", "seed")) {
        if (a.containsKey(arg)) {
          try {
            views = views.with(arg, value(a.get(arg)));
          } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(Json.child(augPath, arg) + ": " + ex.getMessage(), ex);
          }
        }
      }
      if (!a.containsKey("views")) {
        throw new IllegalArgumentException("missing key \"views\" at " + augPath + "; give the number of views per"
            + " training image (views: 4) or views: tune");
      }
      spec = spec.block("augmentation", views, previous);
      previous = "augmentation";
      List<Object> transforms = a.containsKey("transforms") ? Json.requireList(a, "transforms", augPath) : List.of();
      for (int i = 0; i < transforms.size(); i++) {
        Map.Entry<String, Block> t = named(spec, transforms.get(i), Json.element(Json.child(augPath, "transforms"), i),
            true);
        Block transform = t.getValue();
        if (transform.kind().argNames().contains(VALUE_MAX) && !((Map<?, ?>) transforms.get(i)).containsKey(VALUE_MAX)) {
          transform = transform.with(VALUE_MAX, JOB_PIXEL_MAX);   // a job's pixels are scaled to [0, 1], not Keras' 0–255
        }
        spec = spec.block(t.getKey(), transform, previous);
        previous = t.getKey();
      }
    }
    spec = spec.block("base", backbone, previous);
    previous = "base";
    String headPath = Json.child(Json.ROOT, "head");
    for (int i = 0; i < head.size(); i++) {
      Map.Entry<String, Block> b = named(spec, head.get(i), Json.element(headPath, i), false);
      spec = spec.block(b.getKey(), b.getValue(), previous);
      previous = b.getKey();
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

  /**
   * The block of {@code tree} and its name (its {@code name}, else its kind), new in {@code spec}: a view transform
   * when {@code transform}, else a head block.
   */
  private static Map.Entry<String, Block> named(ModelSpec spec, Object tree, String path, boolean transform) {
    Map<String, Object> b = Json.requireObject(tree, path);
    String kind = Json.requireString(b, "block", path);
    String blockName = Json.optionalString(b, "name", path).orElse(kind);
    if (spec.blocks().containsKey(blockName)) {
      throw new IllegalArgumentException(path + ": a block named \"" + blockName + "\" already exists; give this one"
          + " a name (name: " + blockName + "_2)");
    }
    Block block = block(kind, b, path);
    if (transform != block.kind().isViewTransform()) {
      throw new IllegalArgumentException(Json.child(path, "block") + " is \"" + kind + "\"; "
          + (transform ? "augmentation.transforms lists random_flip, random_crop, random_rotation, random_zoom,"
              + " random_contrast and random_brightness blocks"
              : "augmentation blocks go in the augmentation section (augmentation: {views: 4, transforms: [...]}),"
              + " before the backbone"));
    }
    return Map.entry(blockName, block);
  }

  private static Block block(String kind, Map<String, Object> b, String path) {
    BlockKind k;
    try {
      k = BlockKind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(path, "block") + ": " + e.getMessage(), e);
    }
    if (k == BlockKind.IMAGE_INPUT || k == BlockKind.SOFTMAX_OUTPUT || k.isBackbone() || k == BlockKind.AUGMENTATION) {
      throw new IllegalArgumentException(Json.child(path, "block") + " is \"" + kind
          + "\"; the input, backbone and softmax output are added for you (and the augmentation block by the"
          + " augmentation section): list only the blocks between them");
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
