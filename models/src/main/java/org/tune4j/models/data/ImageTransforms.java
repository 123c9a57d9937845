package org.tune4j.models.data;

/**
 * Deterministic pixel transforms that make images fit a backbone: zero padding to a minimum size,
 * grey to RGB by replication, and scaling to {@code [0, 1]} (the kerasnip vignette's
 * preprocessing). Each returns a new {@link ImageSet}; one that would pass the largest Java array is
 * refused with an {@link IllegalArgumentException} naming its size (stream such data through an
 * {@code ImageSource} and {@code PreparedSource} instead). Stateless and thread-safe.
 *
 * <pre>{@code
 * ImageSet ready = ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(grey, 32, 32)));
 * }</pre>
 */
public final class ImageTransforms {
  private ImageTransforms() {}

  /**
   * Pads every image with zeros, centred, to at least {@code minHeight × minWidth}; images already
   * that large are returned unchanged.
   */
  public static ImageSet padTo(ImageSet images, int minHeight, int minWidth) {
    int h = images.height();
    int w = images.width();
    if (h >= minHeight && w >= minWidth) {
      return images;
    }
    int outH = Math.max(h, minHeight);
    int outW = Math.max(w, minWidth);
    int top = (outH - h) / 2;
    int left = (outW - w) / 2;
    int c = images.channels();
    int n = images.size();
    float[] in = images.pixels();
    float[] out = new float[ImageSet.arrayLength(n, (long) c * outH * outW)];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        int src = (i * c + ch) * h * w;                // < in.length, so no overflow
        int dst = (i * c + ch) * outH * outW;          // < out.length, checked above
        for (int y = 0; y < h; y++) {
          System.arraycopy(in, src + y * w, out, dst + (y + top) * outW + left, w);
        }
      }
    }
    return ImageSet.wrap(outH, outW, c, out, images.labels(), images.levels());
  }

  /** Replicates the grey channel into three (R = G = B); RGB images are returned unchanged. */
  public static ImageSet toRgb(ImageSet images) {
    if (images.channels() == 3) {
      return images;
    }
    int per = images.height() * images.width();
    int n = images.size();
    float[] in = images.pixels();
    float[] out = new float[ImageSet.arrayLength(n, 3L * per)];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < 3; ch++) {
        System.arraycopy(in, i * per, out, (i * 3 + ch) * per, per);
      }
    }
    return ImageSet.wrap(images.height(), images.width(), 3, out, images.labels(), images.levels());
  }

  /**
   * Divides every pixel by 255, mapping 0–255 to {@code [0, 1]}: the same as
   * {@link Preprocessing#SCALE01}, whose siblings are Keras' {@code caffe} and {@code torch} modes.
   */
  public static ImageSet scale01(ImageSet images) {
    float[] px = images.pixels();
    for (int i = 0; i < px.length; i++) {
      px[i] /= 255f;
    }
    return ImageSet.wrap(images.height(), images.width(), images.channels(), px, images.labels(), images.levels());
  }
}
