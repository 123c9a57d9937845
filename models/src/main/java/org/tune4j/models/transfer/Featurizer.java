package org.tune4j.models.transfer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.HeadInput;

/**
 * Runs images through a frozen backbone once and reduces each output to the head's input vector
 * (flatten or global pooling): the parameter-free, deterministic prefix of a transfer model.
 *
 * <p>Because the backbone is frozen and runs in inference mode, training a head on these
 * features is the same computation as training the whole graph with the backbone frozen.
 * Not thread-safe (it uses the backbone network).
 */
public final class Featurizer {
  /** Images pushed through the backbone at once: bounds memory on large sets. */
  public static final int DEFAULT_CHUNK = 32;

  private final BackboneNetwork backbone;
  private final HeadInput reduction;

  /** A featurizer over a built backbone. */
  public Featurizer(BackboneNetwork backbone, HeadInput reduction) {
    this.backbone = backbone;
    this.reduction = reduction;
  }

  /**
   * Returns one feature row per image, {@code [n, d]}.
   *
   * @throws IllegalArgumentException when global pooling is asked of a backbone that already pools
   */
  public INDArray features(ImageSet images) {
    INDArray out = backbone.output(images, DEFAULT_CHUNK);
    if (out.rank() == 2) {
      if (reduction != HeadInput.FLATTEN) {
        throw new IllegalArgumentException("the head's " + reduction + " needs a 4-D backbone output, but the"
            + " backbone already pools (" + backbone.spec().pooling() + "); use a flatten head or backbone pooling NONE");
      }
      return out;
    }
    switch (reduction) {
      case FLATTEN:
        return out.reshape('c', out.size(0), out.length() / out.size(0));
      case GLOBAL_AVERAGE_POOLING:
        return out.mean(2, 3);
      case GLOBAL_MAX_POOLING:
        return out.max(2, 3);
      default:
        throw new IllegalStateException("unknown head input " + reduction);
    }
  }
}
