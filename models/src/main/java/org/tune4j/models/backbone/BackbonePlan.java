package org.tune4j.models.backbone;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.data.ImageSet;

/**
 * A way to run a frozen backbone forward: DL4J's layer-by-layer graph ({@link BackboneNetwork}) or
 * the fused inference plan ({@code org.tune4j.models.fused.FusedResNet}). Both give the same
 * numbers within float tolerance, in the same layout. Not thread-safe.
 */
public interface BackbonePlan {
  /** What the backbone was built from. */
  Backbone spec();

  /** The shape of one image's output: {@code [channels, h, w]} without pooling, {@code [channels]} with. */
  long[] outputShape();

  /**
   * Runs images through the backbone in inference mode, {@code chunk} images at a time.
   *
   * @return one row per image: {@code [n, channels]} with pooling, {@code [n, channels, h, w]} without
   */
  INDArray output(ImageSet images, int chunk);

  /**
   * Runs one chunk of images, {@code count} images of 3 × height × width CHW pixels each in {@code pixels}
   * (which may be longer), through the backbone in inference mode: the streaming featurizer's call, with no copy
   * of the chunk into an {@link ImageSet}.
   *
   * @return one row per image, as {@link #output}
   */
  INDArray outputChunk(float[] pixels, int count);
}
