package org.tune4j.cli.job;

import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tune4j.models.spec.Block;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.weights.KerasModelsCache;
import org.tune4j.models.weights.PublishedWeights;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.json.Json;

/**
 * A job's {@code backbone: {name: tune}}: the backbone block whose model is the parameter {@code base_model}
 * (the block is named {@code base}), over the families {@code parameters.base_model.values} names, or every
 * family. Its weights hold for every family: {@code random} (one seed), {@code imagenet} (each family's published
 * file in {@code ~/.keras/models/}, all of which must be there), {@code auto} (those files when all are there,
 * random weights when none is; a mix is refused, since it would compare weights rather than backbones). A weights
 * file fits one family and is refused. Stateless.
 */
final class TunedBackbone {
  /** The parameter id of a tuned backbone in a job. */
  static final String PARAMETER = "base_model";

  private TunedBackbone() {}

  /** The block of a tuned backbone over {@code families}, as {@link #families} reads them. */
  static Block block(Map<String, Object> backbone, String path, List<BackboneFamily> families,
      Consumer<String> notes) {
    String w = Json.optionalString(backbone, "weights", path).orElse("random");
    long seed = Json.optionalLong(backbone, "weights_seed", path).orElse(42L);
    String where = Json.child(path, "weights");
    KerasModelsCache cache = KerasModelsCache.ofUserHome();
    List<String> missing = new ArrayList<>();
    for (BackboneFamily f : families) {
      if (cache.find(PublishedWeights.of(f)).isEmpty()) {
        missing.add(cache.pathOf(PublishedWeights.of(f)).toString());
      }
    }
    Weights weights;
    switch (w) {
      case "random" -> weights = Weights.random(seed);
      case "imagenet" -> {
        if (!missing.isEmpty()) {
          throw new IllegalArgumentException(where + " is \"imagenet\" but " + String.join(", ", missing)
              + (missing.size() == 1 ? " does" : " do") + " not exist; download them with Keras (e.g. ResNet101("
              + "include_top=False)), narrow $.parameters.base_model.values, or give weights: random");
        }
        weights = Weights.imagenet();
      }
      case "auto" -> {
        if (missing.size() == families.size()) {
          notes.accept("No ImageNet weights for " + names(families) + " in " + cache.pathOf(
              PublishedWeights.of(families.get(0))).getParent() + ": using random frozen weights (seed " + seed + ")");
          weights = Weights.random(seed);
        } else if (missing.isEmpty()) {
          weights = Weights.imagenet();
        } else {
          throw new IllegalArgumentException(where + " is \"auto\" but only some backbones have their ImageNet"
              + " weights (missing: " + String.join(", ", missing) + "), so the run would compare weights, not"
              + " backbones; add the missing files, narrow $.parameters.base_model.values, or give weights: random");
        }
      }
      default -> throw new IllegalArgumentException(where + " is the file \"" + w + "\" but the backbone is tuned"
          + " (name: tune) and a weights file holds one model; give random, imagenet or auto, or name the model");
    }
    return Blocks.backbone(tune(), weights);
  }

  /** The families the job tunes over, checked: {@code parameters.base_model.values}, or every family. */
  static List<BackboneFamily> families(Map<String, Object> parameters) {
    String path = Json.child(Json.child(Json.ROOT, "parameters"), PARAMETER);
    Object range = parameters.get(PARAMETER);
    if (range == null) {
      return List.of(BackboneFamily.values());
    }
    Map<String, Object> r = Json.requireObject(range, path);
    List<Object> values = Json.optionalList(r, "values", path).orElse(List.of());
    List<BackboneFamily> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String at = Json.element(Json.child(path, "values"), i);
      out.add(SpecReader.family(Json.asString(values.get(i), at), at));
    }
    return out.isEmpty() ? List.of(BackboneFamily.values()) : List.copyOf(out);
  }

  private static String names(List<BackboneFamily> families) {
    return String.join(", ", families.stream().map(BackboneFamily::kerasName).toList());
  }
}
