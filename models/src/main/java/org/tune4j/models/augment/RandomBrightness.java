package org.tune4j.models.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Keras' {@code RandomBrightness}: per image, adds {@code delta · (max - min)} to every value, {@code delta}
 * drawn uniformly from {@code [-factor, factor]}, and clips to the value range. Immutable and thread-safe.
 *
 * <pre>{@code
 * ViewTransform brighter = new RandomBrightness(0.2, new ValueRange(0, 1));
 * }</pre>
 *
 * @param factor the largest shift as a fraction of the value range, in {@code [0, 1]}
 * @param range the value range
 */
public record RandomBrightness(double factor, ValueRange range) implements ViewTransform {
  /**
   * Checks the factor.
   *
   * @throws IllegalArgumentException when it is outside {@code [0, 1]}
   */
  public RandomBrightness {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("random_brightness factor = " + factor + " must be in [0, 1] (0.2 shifts"
          + " values by up to ±20% of the value range)");
    }
    Objects.requireNonNull(range, "range");
  }

  @Override
  public float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random) {
    double delta = (2 * random.nextDouble() - 1) * factor * (range.max() - range.min());
    float[] out = new float[channels * height * width];
    for (int i = 0; i < channels * height * width; i++) {
      out[i] = range.clip(pixels[i] + delta);
    }
    return out;
  }

  @Override
  public String describe() {
    return "brightness(factor=" + factor + ",range=" + range.describe() + ")";
  }
}
