package org.tune4j.models.augment;

/**
 * The range pixel values live in, for colour jitter ({@link RandomContrast}, {@link RandomBrightness}):
 * Keras' {@code value_range}, {@code [0, 255]} for raw pixels, {@code [0, 1]} after scaling.
 *
 * @param min the smallest value
 * @param max the largest value, above {@code min}
 */
public record ValueRange(double min, double max) {
  /** Raw 8-bit pixels, Keras' default. */
  public static final ValueRange BYTES = new ValueRange(0, 255);

  /**
   * Checks the ends.
   *
   * @throws IllegalArgumentException when they are not finite or {@code max ≤ min}
   */
  public ValueRange {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max <= min) {
      throw new IllegalArgumentException("value range [" + min + ", " + max + "] must have finite ends with min < max;"
          + " use [0, 255] for raw pixels or [0, 1] for scaled ones");
    }
  }

  float clip(double v) {
    return (float) Math.min(max, Math.max(min, v));
  }

  String describe() {
    return "[" + min + "," + max + "]";
  }
}
