package org.tune4j.models.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Keras' {@code RandomContrast}: per image, a contrast factor {@code k} drawn uniformly from
 * {@code [1 - factor, 1 + factor]}; each channel becomes {@code (x - mean) · k + mean} (its mean over
 * height and width), clipped to the value range. Immutable and thread-safe.
 *
 * <pre>{@code
 * ViewTransform contrast = new RandomContrast(0.2, ValueRange.BYTES);
 * }</pre>
 *
 * @param factor how far the contrast may move, in {@code [0, 1]}
 * @param range the range values are clipped to
 */
public record RandomContrast(double factor, ValueRange range) implements ViewTransform {
  /**
   * Checks the factor.
   *
   * @throws IllegalArgumentException when it is outside {@code [0, 1]}
   */
  public RandomContrast {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("random_contrast factor = " + factor + " must be in [0, 1] (0.2 scales"
          + " contrast by 0.8 to 1.2)");
    }
    Objects.requireNonNull(range, "range");
  }

  @Override
  public float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random) {
    double k = 1 + (2 * random.nextDouble() - 1) * factor;
    int plane = height * width;
    float[] out = new float[channels * plane];
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      for (int i = 0; i < plane; i++) {
        sum += pixels[c * plane + i];
      }
      double mean = sum / plane;
      for (int i = 0; i < plane; i++) {
        out[c * plane + i] = range.clip((pixels[c * plane + i] - mean) * k + mean);
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "contrast(factor=" + factor + ",range=" + range.describe() + ")";
  }
}
