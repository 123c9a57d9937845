package org.tune4j.models.transfer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.BackbonePlan;
import org.tune4j.models.fused.FusedResNet;
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
  private final java.util.function.Supplier<BackbonePlan> planSource;
  private final HeadInput reduction;
  private BackbonePlan backbone;

  /** A featurizer over a built backbone: DL4J's graph or the fused plan. */
  public Featurizer(BackbonePlan backbone, HeadInput reduction) {
    this(() -> backbone, reduction);
  }

  private Featurizer(java.util.function.Supplier<BackbonePlan> planSource, HeadInput reduction) {
    this.planSource = planSource;
    this.reduction = reduction;
  }

  /**
   * A featurizer running {@code backbone} (frozen) through the fused inference plan, or through DL4J's
   * graph when its family has none ({@link Backbone#hasFusedPlan()}); the backbone is built on first
   * use, so a featurizer whose features came from a cache costs nothing.
   */
  public static Featurizer fused(Backbone backbone, HeadInput reduction) {
    return new Featurizer(() -> fastestPlan(backbone.build()), reduction);
  }

  private static BackbonePlan fastestPlan(BackboneNetwork network) {
    return network.spec().hasFusedPlan() ? FusedResNet.of(network) : network;
  }

  /** The backbone plan this featurizer runs (built now if it was not yet). */
  public synchronized BackbonePlan plan() {
    if (backbone == null) {
      backbone = planSource.get();
    }
    return backbone;
  }

  /** The reduction to one vector per image. */
  public HeadInput reduction() {
    return reduction;
  }

  /**
   * Images pushed through the backbone at once: large enough to amortise each operation, small
   * enough to bound memory (128 at 32×32, 16 at 224×224).
   */
  public static int chunkFor(int height, int width) {
    return Math.max(16, Math.min(128, (1 << 17) / (height * width)));
  }

  /**
   * Returns one feature row per image, {@code [n, d]}.
   *
   * @throws IllegalArgumentException when global pooling is asked of a backbone that already pools
   */
  public INDArray features(ImageSet images) {
    BackbonePlan plan = plan();
    return reduce(plan, plan.output(images, chunkFor(images.height(), images.width())));
  }

  /**
   * Returns one feature row per image of a chunk: {@code count} images of CHW pixels in {@code pixels}, as an
   * image source reads them. The streaming featurizer's call: nothing but the chunk is held.
   *
   * @throws IllegalArgumentException when global pooling is asked of a backbone that already pools
   */
  public INDArray features(float[] pixels, int count) {
    BackbonePlan plan = plan();
    return reduce(plan, plan.outputChunk(pixels, count));
  }

  /** The length of one feature row: the backbone's output flattened or pooled. */
  public long columns() {
    long[] shape = plan().outputShape();
    if (shape.length == 1 || reduction != HeadInput.FLATTEN) {
      return shape[0];
    }
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  private INDArray reduce(BackbonePlan plan, INDArray out) {
    if (out.rank() == 2) {
      if (reduction != HeadInput.FLATTEN) {
        throw new IllegalArgumentException("the head's " + reduction + " needs a 4-D backbone output, but the"
            + " backbone already pools (" + plan.spec().pooling() + "); use a flatten head or backbone pooling NONE");
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
