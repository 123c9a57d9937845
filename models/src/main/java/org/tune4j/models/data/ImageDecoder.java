package org.tune4j.models.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one PNG or JPEG file (whatever javax.imageio reads) into 0–255 float pixels, CHW, and
 * resizes bilinearly. A decoder warning (a JPEG that ends early, say) counts as unreadable, so a
 * damaged file is never read as half an image. Stateless and thread-safe.
 */
final class ImageDecoder {
  private ImageDecoder() {}

  /** Decoded pixels: {@code channels × height × width} values. */
  record Pixels(int height, int width, float[] values) {}

  /** Why a file could not be read. */
  static final class UnreadableImageException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableImageException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  static Pixels decode(Path file, ColorMode mode) throws UnreadableImageException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableImageException("the file does not exist", null);
    }
    BufferedImage image = read(file);
    return new Pixels(image.getHeight(), image.getWidth(), channels(image, mode));
  }

  /**
   * The height and width from the file's header (the reader's {@code getHeight}/{@code getWidth}),
   * without decoding the pixels.
   */
  static int[] size(Path file) throws UnreadableImageException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableImageException("the file does not exist", null);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new UnreadableImageException("not an image javax.imageio can read (PNG, JPEG, BMP, GIF)", null);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getHeight(0), reader.getWidth(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableImageException("its header cannot be read: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  private static BufferedImage read(Path file) throws UnreadableImageException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new UnreadableImageException("not an image javax.imageio can read (PNG, JPEG, BMP, GIF)", null);
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      try {
        reader.setInput(in, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new UnreadableImageException("truncated or damaged: " + warnings.get(0), null);
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Throwable cause = e.getCause();
      if (cause != null && cause.getMessage() != null) {
        detail += " (" + cause.getMessage() + ")";
      }
      throw new UnreadableImageException("truncated or damaged: " + detail, e);
    }
  }

  private static float[] channels(BufferedImage image, ColorMode mode) {
    int h = image.getHeight();
    int w = image.getWidth();
    int plane = h * w;
    float[] out = new float[mode.channels() * plane];
    boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && !(image.getColorModel() instanceof IndexColorModel);
    if (grey) {                                 // raw samples: getRGB would apply a gamma conversion
      Raster raster = image.getRaster();
      double scale = 255.0 / ((1L << image.getColorModel().getComponentSize(0)) - 1);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = (float) (raster.getSample(x, y, 0) * scale);
          for (int c = 0; c < mode.channels(); c++) {
            out[c * plane + y * w + x] = v;
          }
        }
      }
      return out;
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < plane; i++) {
      int r = (argb[i] >> 16) & 0xFF;
      int g = (argb[i] >> 8) & 0xFF;
      int b = argb[i] & 0xFF;
      if (mode == ColorMode.GREY) {
        out[i] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
      } else {
        out[i] = r;
        out[plane + i] = g;
        out[2 * plane + i] = b;
      }
    }
    return out;
  }

  /**
   * Resizes CHW pixels bilinearly, sampling at pixel centres (as OpenCV's and PyTorch's bilinear
   * resize without antialiasing); the same size is returned unchanged.
   */
  static float[] resize(float[] in, int channels, int h, int w, int outH, int outW) {
    if (h == outH && w == outW) {
      return in;
    }
    float[] out = new float[channels * outH * outW];
    for (int y = 0; y < outH; y++) {
      double sy = Math.min(Math.max((y + 0.5) * h / outH - 0.5, 0), h - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, h - 1);
      double fy = sy - y0;
      for (int x = 0; x < outW; x++) {
        double sx = Math.min(Math.max((x + 0.5) * w / outW - 0.5, 0), w - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, w - 1);
        double fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          int base = c * h * w;
          double top = in[base + y0 * w + x0] * (1 - fx) + in[base + y0 * w + x1] * fx;
          double bottom = in[base + y1 * w + x0] * (1 - fx) + in[base + y1 * w + x1] * fx;
          out[c * outH * outW + y * outW + x] = (float) (top * (1 - fy) + bottom * fy);
        }
      }
    }
    return out;
  }
}
