package org.tune4j.models.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Keras' {@code RandomRotation}: turns the image about its centre by an angle drawn uniformly from
 * {@code [-factor · 2π, factor · 2π]}, bilinear, filling outside the image as {@code fill} says.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ViewTransform turn = new RandomRotation(0.1, FillMode.REFLECT);   // up to ±36°
 * }</pre>
 *
 * @param factor the largest turn as a fraction of a full turn, in {@code [0, 1]}
 * @param fill what lies outside the image
 */
public record RandomRotation(double factor, FillMode fill) implements ViewTransform {
  /**
   * Checks the factor.
   *
   * @throws IllegalArgumentException when it is outside {@code [0, 1]}
   */
  public RandomRotation {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("random_rotation factor = " + factor + " must be in [0, 1] (a fraction of"
          + " a full turn: 0.1 turns up to ±36°)");
    }
    Objects.requireNonNull(fill, "fill");
  }

  @Override
  public float[] apply(float[] pixels, int channels, int height, int width, SplittableRandom random) {
    double angle = (2 * random.nextDouble() - 1) * factor * 2 * Math.PI;
    return rotate(pixels, channels, height, width, angle, fill);
  }

  /** The image turned by {@code angle} radians counter-clockwise (as displayed, rows downwards). */
  static float[] rotate(float[] pixels, int channels, int height, int width, double angle, FillMode fill) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    // output offset (dy, dx) reads the input at the offset turned back by the angle
    return BilinearSampler.sample(pixels, channels, height, width, new double[] {cos, sin, -sin, cos}, fill);
  }

  @Override
  public String describe() {
    return "rotation(factor=" + factor + ",fill=" + fill.kerasName() + ")";
  }
}
