package org.tune4j.models.augment;

import java.util.SplittableRandom;

/**
 * One random preprocessing transform of a view, in the manner of Keras' preprocessing layers, on one
 * CHW float image: pixel {@code (c, y, x)} at {@code c·H·W + y·W + x}. Its randomness is drawn from the
 * generator it is handed (seeded by the view), never from a field, so the same generator state gives the
 * same pixels on any thread. Implementations are immutable records, validated on construction.
 *
 * <pre>{@code
 * float[] flipped = new RandomFlip(RandomFlip.Mode.HORIZONTAL).apply(pixels, 3, 32, 32, new SplittableRandom(7));
 * }</pre>
 */
public sealed interface ViewTransform
    permits RandomFlip, RandomCrop, RandomRotation, RandomZoom, RandomContrast, RandomBrightness {
  /**
   * The transformed image, a new array of the same shape; {@code pixels} is left alone.
   *
   * @param random where this transform's random draws come from
   */
  float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random);

  /** The transform and its parameters as a stable text, part of a view's feature cache key: {@code flip(horizontal)}. */
  String describe();
}
