package org.tune4j.models.augment;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Keras' {@code RandomFlip}: reverses the columns (horizontal), the rows (vertical) or each of them,
 * each with probability ½. Immutable and thread-safe.
 *
 * <pre>{@code
 * ViewTransform flip = RandomFlip.parse("horizontal");
 * }</pre>
 *
 * @param mode which flips may happen
 */
public record RandomFlip(Mode mode) implements ViewTransform {
  /** Which flips may happen, by Keras' names. */
  public enum Mode {
    /** Columns reversed with probability ½. */
    HORIZONTAL,
    /** Rows reversed with probability ½. */
    VERTICAL,
    /** Columns and rows each reversed with probability ½, independently. */
    HORIZONTAL_AND_VERTICAL;

    /** The Keras name, such as {@code horizontal_and_vertical}. */
    public String kerasName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Requires a mode. */
  public RandomFlip {
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * The flip of a Keras mode name.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static RandomFlip parse(String mode) {
    for (Mode m : Mode.values()) {
      if (m.kerasName().equals(mode)) {
        return new RandomFlip(m);
      }
    }
    throw new IllegalArgumentException("random_flip mode \"" + mode + "\" is not known; choose from: horizontal,"
        + " vertical, horizontal_and_vertical");
  }

  @Override
  public float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random) {
    boolean columns = mode != Mode.VERTICAL && random.nextBoolean();
    boolean rows = mode != Mode.HORIZONTAL && random.nextBoolean();
    return flip(pixels, channels, height, width, rows, columns);
  }

  /** The image with its rows and/or columns reversed (a copy either way). */
  static float[] flip(float[] pixels, int channels, int height, int width, boolean rows, boolean columns) {
    float[] out = new float[channels * height * width];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        int from = c * height * width + (rows ? height - 1 - y : y) * width;
        int to = c * height * width + y * width;
        for (int x = 0; x < width; x++) {
          out[to + x] = pixels[from + (columns ? width - 1 - x : x)];
        }
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "flip(" + mode.kerasName() + ")";
  }
}
