package org.tune4j.cli.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.spec.BlockKind;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.json.Json;

/**
 * A job's {@code backbone.preprocessing}: how the images, scaled to [0, 1], are prepared before the backbone.
 * {@code scale01} (the default) feeds them as they are, as kerasnip's vignette does; {@code keras} applies the
 * backbone's own Keras {@code preprocess_input} mode ({@code caffe} for ResNet v1, {@code tf} for v2), which is what
 * ImageNet weights were trained with; {@code caffe}, {@code tf} and {@code torch} name a mode. The images are
 * prepared once for every candidate, so a tuned backbone takes {@code keras} only when the backbones it tunes over
 * share a mode. Stateless.
 */
final class BackbonePreprocessing {
  static final String KEY = "preprocessing";
  static final String KERAS = "keras";

  private BackbonePreprocessing() {}

  /**
   * The mode the job's {@code backbone} section asks for, or empty for {@code scale01}.
   *
   * @param families the backbones the job can run (several when the backbone is tuned)
   * @throws IllegalArgumentException naming the value and the choices, or the backbones whose modes differ
   */
  static Optional<Preprocessing> read(Map<String, Object> backbone, String path, List<BackboneFamily> families) {
    String where = Json.child(path, KEY);
    String value = Json.optionalString(backbone, KEY, path).orElse(Preprocessing.SCALE01.modeName());
    if (value.equals(KERAS)) {
      List<String> modes = new ArrayList<>();
      for (BackboneFamily f : families) {
        modes.add(f.kerasName() + ": " + f.preprocessing().modeName());
      }
      if (families.stream().map(BackboneFamily::preprocessing).distinct().count() > 1) {
        throw new IllegalArgumentException(where + " is \"keras\" but the backbones tuned over prepare their images"
            + " differently (" + String.join(", ", modes) + ") and the images are prepared once for all of them;"
            + " tune v1 or v2 backbones only ($.parameters.base_model.values), or name one mode: caffe, tf, torch"
            + " or scale01");
      }
      return Optional.of(families.get(0).preprocessing());
    }
    Preprocessing mode;
    try {
      mode = Preprocessing.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is \"" + value + "\"; choose from: scale01, keras, caffe, tf, torch",
          e);
    }
    return mode == Preprocessing.SCALE01 ? Optional.empty() : Optional.of(mode);
  }

  /**
   * Refuses colour jitter on preprocessed images: augmentation views are drawn from the images as the backbone
   * gets them, so with a Keras mode {@code random_contrast} and {@code random_brightness} would clip pixels that
   * are no longer on [0, 1]. Geometric transforms are fine either way.
   *
   * @throws IllegalArgumentException naming the block and the two ways out
   */
  static void checkViews(Optional<Preprocessing> preprocessing, ModelSpec spec) {
    if (preprocessing.isEmpty()) {
      return;
    }
    spec.blocks().forEach((name, block) -> {
      if (block.kind() == BlockKind.RANDOM_CONTRAST || block.kind() == BlockKind.RANDOM_BRIGHTNESS) {
        throw new IllegalArgumentException("$.augmentation.transforms has " + block.kind().kerasName() + " (\"" + name
            + "\"), which bounds pixels to [0, 1], but $.backbone.preprocessing is "
            + preprocessing.get().modeName() + ", so the views are drawn from preprocessed pixels; drop it, or"
            + " keep preprocessing: scale01");
      }
    });
  }
}
