package org.tune4j.models.augment;

import java.util.SplittableRandom;

/**
 * Pad-and-crop, the CIFAR recipe (Keras' {@code RandomTranslation} with constant fill, or padding then
 * {@code RandomCrop} back to the input size): the image is padded with {@code padding} zeros on every
 * side and a window of the original size is cut at a uniform random offset, so the content moves by
 * {@code dy, dx ∈ [-padding, padding]} whole pixels. Immutable and thread-safe.
 *
 * <pre>{@code
 * ViewTransform crop = new RandomCrop(4);
 * }</pre>
 *
 * @param padding the largest shift in pixels, at least 0
 */
public record RandomCrop(int padding) implements ViewTransform {
  /**
   * Checks the padding.
   *
   * @throws IllegalArgumentException when it is negative
   */
  public RandomCrop {
    if (padding < 0) {
      throw new IllegalArgumentException("random_crop padding = " + padding + " must be at least 0 (pixels)");
    }
  }

  @Override
  public float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random) {
    int dy = random.nextInt(2 * padding + 1) - padding;
    int dx = random.nextInt(2 * padding + 1) - padding;
    return shift(pixels, channels, height, width, dy, dx);
  }

  /** The window at offset {@code (dy, dx)} of the zero-padded image: output {@code (y, x)} is input {@code (y + dy, x + dx)}, or 0 outside. */
  static float[] shift(float[] pixels, int channels, int height, int width, int dy, int dx) {
    float[] out = new float[channels * height * width];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        int sy = y + dy;
        if (sy < 0 || sy >= height) {
          continue;
        }
        for (int x = 0; x < width; x++) {
          int sx = x + dx;
          if (sx >= 0 && sx < width) {
            out[(c * height + y) * width + x] = pixels[(c * height + sy) * width + sx];
          }
        }
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "crop(padding=" + padding + ")";
  }
}
