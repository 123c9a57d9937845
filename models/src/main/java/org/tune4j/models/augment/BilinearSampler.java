package org.tune4j.models.augment;

/**
 * Samples an image at the points an affine map about the image centre sends each output pixel to,
 * bilinearly, as Keras' {@code affine_transform} with {@code interpolation="bilinear"}: output
 * {@code (y, x)} reads the input at {@code centre + A · ((y, x) − centre)}. An identity map reads every
 * pixel exactly. Stateless.
 */
final class BilinearSampler {
  private BilinearSampler() {}

  /**
   * The resampled image.
   *
   * @param a the 2×2 map {@code {ayy, ayx, axy, axx}} from output offsets to input offsets
   */
  static float[] sample(float[] pixels, int channels, int height, int width, double[] a, FillMode fill) {
    float[] out = new float[channels * height * width];
    double cy = (height - 1) / 2.0;
    double cx = (width - 1) / 2.0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double oy = y - cy;
        double ox = x - cx;
        double sy = cy + a[0] * oy + a[1] * ox;
        double sx = cx + a[2] * oy + a[3] * ox;
        if (fill == FillMode.REFLECT) {
          sy = reflect(sy, height);
          sx = reflect(sx, width);
        }
        for (int c = 0; c < channels; c++) {
          out[(c * height + y) * width + x] = at(pixels, c * height * width, height, width, sy, sx);
        }
      }
    }
    return out;
  }

  /** {@code v} mirrored into {@code [-0.5, size - 0.5)} about the pixel edges, then clamped into {@code [0, size - 1]}. */
  static double reflect(double v, int size) {
    double period = 2.0 * size;
    double t = (v + 0.5) % period;
    if (t < 0) {
      t += period;
    }
    if (t >= size) {
      t = period - t;
    }
    return Math.min(size - 1, Math.max(0, t - 0.5));
  }

  /** Bilinear value of one channel at {@code (sy, sx)}; neighbours outside the image count as 0. */
  private static float at(float[] px, int base, int height, int width, double sy, double sx) {
    int y0 = (int) Math.floor(sy);
    int x0 = (int) Math.floor(sx);
    double fy = sy - y0;
    double fx = sx - x0;
    double v = 0;
    v += (1 - fy) * (1 - fx) * value(px, base, height, width, y0, x0);
    if (fx != 0) {
      v += (1 - fy) * fx * value(px, base, height, width, y0, x0 + 1);
    }
    if (fy != 0) {
      v += fy * (1 - fx) * value(px, base, height, width, y0 + 1, x0);
      if (fx != 0) {
        v += fy * fx * value(px, base, height, width, y0 + 1, x0 + 1);
      }
    }
    return (float) v;
  }

  private static float value(float[] px, int base, int height, int width, int y, int x) {
    return y < 0 || y >= height || x < 0 || x >= width ? 0f : px[base + y * width + x];
  }
}
