package org.tune4j.models.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Keras' {@code RandomZoom} with one factor for height and width: scales the image about its centre by
 * {@code 1 + z}, {@code z} drawn uniformly from {@code [-factor, factor]}; as in Keras a positive
 * {@code z} zooms out (the view shows more) and a negative one zooms in. Bilinear, filling outside the
 * image as {@code fill} says. Immutable and thread-safe.
 *
 * <pre>{@code
 * ViewTransform zoom = new RandomZoom(0.2, FillMode.REFLECT);
 * }</pre>
 *
 * @param factor the largest relative zoom, in {@code [0, 1)}
 * @param fill what lies outside the image
 */
public record RandomZoom(double factor, FillMode fill) implements ViewTransform {
  /**
   * Checks the factor.
   *
   * @throws IllegalArgumentException when it is outside {@code [0, 1)}
   */
  public RandomZoom {
    if (!(factor >= 0 && factor < 1)) {
      throw new IllegalArgumentException("random_zoom factor = " + factor + " must be in [0, 1) (0.2 zooms by up to"
          + " ±20%)");
    }
    Objects.requireNonNull(fill, "fill");
  }

  @Override
  public float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random) {
    double scale = 1 + (2 * random.nextDouble() - 1) * factor;
    return zoom(pixels, channels, height, width, scale, fill);
  }

  /** The image whose output offsets read the input at {@code scale} times the offset from the centre. */
  static float[] zoom(float[] pixels, int channels, int height, int width, double scale, FillMode fill) {
    return BilinearSampler.sample(pixels, channels, height, width, new double[] {scale, 0, 0, scale}, fill);
  }

  @Override
  public String describe() {
    return "zoom(factor=" + factor + ",fill=" + fill.kerasName() + ")";
  }
}
