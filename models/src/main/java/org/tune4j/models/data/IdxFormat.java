package org.tune4j.models.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: unsigned-byte image and label files, gzipped
 * or not (detected from the content, not the name).
 *
 * <p>An image file has magic {@code 0x00000803} and dimensions {@code n, rows, cols}; a label file
 * has magic {@code 0x00000801} and dimension {@code n}. Pixels are read as 0–255 floats, one grey
 * channel. Stateless and thread-safe.
 *
 * <pre>{@code
 * ImageSet train = IdxFormat.read(Path.of("train-images-idx3-ubyte.gz"),
 *     Path.of("train-labels-idx1-ubyte.gz"), FashionMnist.LEVELS);
 * }</pre>
 */
public final class IdxFormat {
  /** Magic number of an unsigned-byte, three-dimensional (images) IDX file. */
  public static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an unsigned-byte, one-dimensional (labels) IDX file. */
  public static final int LABELS_MAGIC = 0x00000801;

  /** Bytes before the pixels of an image file: magic, count, rows, columns. */
  public static final int IMAGES_HEADER_BYTES = 16;

  private IdxFormat() {}

  /**
   * What an image file's header says.
   *
   * @param count the number of images
   * @param rows image height
   * @param cols image width
   * @param gzipped whether the file is gzipped (then its pixels cannot be read at an offset)
   */
  public record ImageHeader(int count, int rows, int cols, boolean gzipped) {}

  /**
   * Reads an image file's header only.
   *
   * @throws IllegalArgumentException naming the file when it is missing, truncated, has the wrong
   *     magic number or an empty image size
   */
  public static ImageHeader imageHeader(Path images) {
    String name = images.toString();
    try (DataInputStream in = open(opener(images), name)) {
      checkMagic(in.readInt(), IMAGES_MAGIC, name, "image");
      int n = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      if (n < 0 || rows < 1 || cols < 1) {
        throw new IllegalArgumentException(name + ": " + n + " images of " + rows + "×" + cols
            + " is not a data set; the file is corrupt");
      }
      return new ImageHeader(n, rows, cols, gzipped(images));
    } catch (EOFException e) {
      throw truncated(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The pixel bytes of an image file, inflated when gzipped: {@code count × rows × cols} bytes.
   *
   * @throws IllegalArgumentException naming the file when it is truncated or its pixels pass 2^31 bytes
   */
  public static byte[] imageBytes(Path images) {
    ImageHeader h = imageHeader(images);
    String name = images.toString();
    byte[] raw = new byte[ImageSet.arrayLength(h.count(), (long) h.rows() * h.cols())];
    try (DataInputStream in = open(opener(images), name)) {
      in.skipNBytes(IMAGES_HEADER_BYTES);
      readFully(in, raw, name);
      return raw;
    } catch (EOFException e) {
      throw truncated(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a label file, checking every label against the levels.
   *
   * @throws IllegalArgumentException naming the file when it is missing, truncated, has the wrong
   *     magic number or a label outside the levels
   */
  public static int[] labels(Path labels, List<String> levels) {
    int[] values = readLabels(opener(labels), labels.toString());
    checkLabels(values, labels.toString(), levels);
    return values;
  }

  /** Whether the file starts with the gzip magic number. */
  private static boolean gzipped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static void checkLabels(int[] labelValues, String labelsName, List<String> levels) {
    for (int i = 0; i < labelValues.length; i++) {
      if (labelValues[i] >= levels.size()) {
        throw new IllegalArgumentException(labelsName + ": label " + labelValues[i] + " of row " + i
            + " is outside [0, " + (levels.size() - 1) + "] for " + levels.size() + " levels");
      }
    }
  }

  /**
   * Reads an image file and its label file into one image set.
   *
   * @throws IllegalArgumentException naming the file when it is missing, truncated, has the wrong
   *     magic number, disagrees with the other file on the row count, or has a label outside the
   *     levels
   */
  public static ImageSet read(Path images, Path labels, List<String> levels) {
    return read(opener(images), images.toString(), opener(labels), labels.toString(), levels);
  }

  /** Reads from two stream sources; {@code imagesName} and {@code labelsName} are used in errors. */
  public static ImageSet read(StreamSource images, String imagesName, StreamSource labels,
      String labelsName, List<String> levels) {
    int[] labelValues = readLabels(labels, labelsName);
    checkLabels(labelValues, labelsName, levels);
    try (DataInputStream in = open(images, imagesName)) {
      int magic = in.readInt();
      checkMagic(magic, IMAGES_MAGIC, imagesName, "image");
      int n = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      if (n != labelValues.length) {
        throw new IllegalArgumentException(imagesName + " has " + n + " images but " + labelsName
            + " has " + labelValues.length + " labels; pass the label file that belongs to these images");
      }
      if (rows < 1 || cols < 1) {
        throw new IllegalArgumentException(imagesName + ": image size " + rows + "×" + cols + " is empty");
      }
      byte[] raw = new byte[Math.multiplyExact(Math.multiplyExact(n, rows), cols)];
      readFully(in, raw, imagesName);
      float[] pixels = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        pixels[i] = raw[i] & 0xFF;
      }
      return ImageSet.wrap(rows, cols, 1, pixels, labelValues, levels);
    } catch (EOFException e) {
      throw truncated(imagesName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + imagesName + ": " + e.getMessage(), e);
    }
  }

  private static int[] readLabels(StreamSource source, String name) {
    try (DataInputStream in = open(source, name)) {
      checkMagic(in.readInt(), LABELS_MAGIC, name, "label");
      int n = in.readInt();
      if (n < 0) {
        throw new IllegalArgumentException(name + ": negative row count " + n + "; the file is corrupt");
      }
      byte[] raw = new byte[n];
      readFully(in, raw, name);
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = raw[i] & 0xFF;
      }
      return labels;
    } catch (EOFException e) {
      throw truncated(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static void checkMagic(int magic, int expected, String name, String kind) {
    if (magic != expected) {
      throw new IllegalArgumentException(String.format(
          "%s: magic number 0x%08X is not an IDX %s file (expected 0x%08X); check that the file is the %s file",
          name, magic, kind, expected, kind));
    }
  }

  private static void readFully(DataInputStream in, byte[] target, String name) throws IOException {
    try {
      in.readFully(target);
    } catch (EOFException e) {
      throw truncated(name);
    }
  }

  private static IllegalArgumentException truncated(String name) {
    return new IllegalArgumentException(name + " is truncated: it ends before the data its header"
        + " announces; download or copy it again");
  }

  private static DataInputStream open(StreamSource source, String name) throws IOException {
    InputStream raw = new BufferedInputStream(source.open(), 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    try {
      return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw);
    } catch (EOFException e) {
      raw.close();
      throw truncated(name);
    }
  }

  private static StreamSource opener(Path path) {
    return () -> {
      try {
        return Files.newInputStream(path);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("IDX file " + path + " does not exist; check the path", e);
      }
    };
  }

  /** Something that can open a fresh input stream: a file, a class-path resource. */
  @FunctionalInterface
  public interface StreamSource {
    /** Opens a new stream positioned at the start. */
    InputStream open() throws IOException;
  }
}
