package org.tune4j.models.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.augment.FillMode;
import org.tune4j.models.augment.RandomBrightness;
import org.tune4j.models.augment.RandomContrast;
import org.tune4j.models.augment.RandomCrop;
import org.tune4j.models.augment.RandomFlip;
import org.tune4j.models.augment.RandomRotation;
import org.tune4j.models.augment.RandomZoom;
import org.tune4j.models.augment.ValueRange;
import org.tune4j.models.augment.ViewTransform;

/**
 * Reads a spec's augmentation blocks: one {@code augmentation} block right after the image input,
 * then the {@code random_*} transforms a view applies, then the backbone. Checks their placement and
 * values, naming the block. Stateless.
 */
final class AugmentationBlocks {
  private AugmentationBlocks() {}

  /**
   * The augmentation of an expanded chain, or empty when it has none.
   *
   * @throws SpecCompileException naming the block when one stands elsewhere or has a bad value
   */
  static Optional<Augmentation> of(String where, List<Map.Entry<String, Block>> chain) {
    int end = 1;
    while (end < chain.size() && chain.get(end).getValue().kind().isAugmentation()) {
      end++;
    }
    for (int i = 0; i < chain.size(); i++) {
      Block b = chain.get(i).getValue();
      String name = chain.get(i).getKey();
      if (b.kind().isAugmentation() && i >= end) {
        throw new SpecCompileException(where + "block \"" + name + "\" (" + b.kind().kerasName() + ") stands after "
            + chain.get(end).getValue().kind().kerasName() + "; augmentation blocks go between the image_input and"
            + " the backbone");
      }
      if (b.kind() == BlockKind.AUGMENTATION && i != 1) {
        throw new SpecCompileException(where + "block \"" + name + "\" is an augmentation block in position " + i
            + "; a spec has one, right after the image_input, before its random_* blocks");
      }
    }
    if (end == 1) {
      return Optional.empty();
    }
    if (chain.get(1).getValue().kind() != BlockKind.AUGMENTATION) {
      throw new SpecCompileException(where + "block \"" + chain.get(1).getKey() + "\" ("
          + chain.get(1).getValue().kind().kerasName() + ") needs an augmentation block before it, saying how many"
          + " views to cache: add Blocks.augmentation(views) right after the image_input");
    }
    List<ViewTransform> transforms = new ArrayList<>();
    for (int i = 2; i < end; i++) {
      transforms.add(transform(where, chain.get(i).getKey(), chain.get(i).getValue()));
    }
    Block aug = chain.get(1).getValue();
    try {
      return Optional.of(Augmentation.of((Integer) aug.arg("views"), (Integer) aug.arg("seed"), transforms));
    } catch (IllegalArgumentException e) {
      throw new SpecCompileException(where + "block \"" + chain.get(1).getKey() + "\": " + e.getMessage(), e);
    }
  }

  private static ViewTransform transform(String where, String name, Block b) {
    try {
      switch (b.kind()) {
        case RANDOM_FLIP: return RandomFlip.parse((String) b.arg("mode"));
        case RANDOM_CROP: return new RandomCrop((Integer) b.arg("padding"));
        case RANDOM_ROTATION: return new RandomRotation((Double) b.arg("factor"), FillMode.parse((String) b.arg("fill")));
        case RANDOM_ZOOM: return new RandomZoom((Double) b.arg("factor"), FillMode.parse((String) b.arg("fill")));
        case RANDOM_CONTRAST: return new RandomContrast((Double) b.arg("factor"), range(b));
        case RANDOM_BRIGHTNESS: return new RandomBrightness((Double) b.arg("factor"), range(b));
        default: throw new IllegalStateException("not a view transform: " + b.kind().kerasName());
      }
    } catch (IllegalArgumentException e) {
      throw new SpecCompileException(where + "block \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private static ValueRange range(Block b) {
    return new ValueRange((Double) b.arg("value_min"), (Double) b.arg("value_max"));
  }
}
