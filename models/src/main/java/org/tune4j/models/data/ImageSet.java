package org.tune4j.models.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A labelled set of equally sized images, held in memory as {@code float} pixels.
 *
 * <p>Pixels are stored image after image, each image channel-first (CHW, the layout DL4J's
 * convolutions take): pixel {@code (c, y, x)} of image {@code i} is at {@code i·C·H·W + c·H·W +
 * y·W + x}. Labels are class indices into {@link #levels()}. Use {@link #rows(int[])} to take a
 * subset, {@link ImageTransforms} to pad, scale or colour the pixels.
 *
 * <p>Immutable and thread-safe: arrays passed in are copied and arrays handed out are copies.
 *
 * <pre>{@code
 * ImageSet train = EmbeddedSample.fashionMnist().train();
 * ImageSet firstHundred = train.rows(IntStream.range(0, 100).toArray());
 * }</pre>
 */
public final class ImageSet {
  /** The most values one Java array is sure to hold (some JVMs refuse the last few below 2^31 - 1). */
  public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final int height;
  private final int width;
  private final int channels;
  private final float[] pixels;
  private final int[] labels;
  private final List<String> levels;

  private ImageSet(int height, int width, int channels, float[] pixels, int[] labels, List<String> levels) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pixels = pixels;
    this.labels = labels;
    this.levels = levels;
  }

  /**
   * Returns an image set over the given pixels and labels (both copied).
   *
   * @param height image height in pixels, at least 1
   * @param width image width in pixels, at least 1
   * @param channels 1 (grey) or 3 (RGB)
   * @param pixels {@code n·channels·height·width} values, CHW per image
   * @param labels one class index per image, each in {@code [0, levels.size())}
   * @param levels the class names, distinct
   * @throws IllegalArgumentException naming the argument that does not fit
   */
  public static ImageSet of(int height, int width, int channels, float[] pixels, int[] labels,
      List<String> levels) {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    List<String> levelCopy = List.copyOf(levels);
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size " + height + "×" + width + " is empty; height and width must be at least 1");
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels = " + channels + " is not supported; use 1 (grey) or 3 (RGB)");
    }
    if (levelCopy.isEmpty() || levelCopy.stream().distinct().count() != levelCopy.size()) {
      throw new IllegalArgumentException("levels " + levelCopy + " must be non-empty and distinct");
    }
    long perImage = (long) height * width * channels;
    if (pixels.length != perImage * labels.length) {
      throw new IllegalArgumentException("pixels has " + pixels.length + " values but " + labels.length
          + " images of " + channels + "×" + height + "×" + width + " need " + perImage * labels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= levelCopy.size()) {
        throw new IllegalArgumentException("label of image " + i + " is " + labels[i]
            + ", outside [0, " + (levelCopy.size() - 1) + "] for levels " + levelCopy);
      }
    }
    return new ImageSet(height, width, channels, pixels.clone(), labels.clone(), levelCopy);
  }

  /** Builds without copying; for this package's readers and transforms, which own the arrays. */
  static ImageSet wrap(int height, int width, int channels, float[] pixels, int[] labels, List<String> levels) {
    return new ImageSet(height, width, channels, pixels, labels, List.copyOf(levels));
  }

  /**
   * The length of an array of {@code images} images of {@code perImage} values each, checked: one
   * Java array holds at most 2^31 - 1 values (some JVMs 8 fewer).
   *
   * @throws IllegalArgumentException naming the size and suggesting streaming when it does not fit
   */
  public static int arrayLength(long images, long perImage) {
    if (images < 0 || perImage < 0) {
      throw new IllegalArgumentException(images + " images of " + perImage + " values: neither may be negative");
    }
    long values;
    try {
      values = Math.multiplyExact(images, perImage);
    } catch (ArithmeticException e) {
      values = Long.MAX_VALUE;
    }
    if (values > MAX_ARRAY) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%,d images of %,d values each are %,d values, more than one Java array holds (%,d); stream them through"
              + " an org.tune4j.models.source.ImageSource a chunk at a time, or use fewer or smaller images",
          images, perImage, values, MAX_ARRAY));
    }
    return (int) values;
  }

  /** The number of images. */
  public int size() {
    return labels.length;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** 1 for grey, 3 for RGB. */
  public int channels() {
    return channels;
  }

  /** The class names; label {@code k} means {@code levels().get(k)}. */
  public List<String> levels() {
    return levels;
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The label of image {@code i}. */
  public int label(int i) {
    Objects.checkIndex(i, labels.length);
    return labels[i];
  }

  /** The number of values one image takes: channels × height × width. */
  public int pixelsPerImage() {
    return channels * height * width;
  }

  /** A copy of all pixels, CHW per image. */
  public float[] pixels() {
    return pixels.clone();
  }

  /** Copies the pixels of images {@code [from, from + count)} into {@code target} at offset 0. */
  public void copyPixels(int from, int count, float[] target) {
    Objects.checkFromIndexSize(from, count, labels.length);
    System.arraycopy(pixels, from * pixelsPerImage(), target, 0, count * pixelsPerImage());
  }

  /**
   * Returns the images at the given row indices, in that order (repeats allowed).
   *
   * @throws IndexOutOfBoundsException naming the first row outside {@code [0, size())}
   */
  public ImageSet rows(int[] rows) {
    int per = pixelsPerImage();
    float[] out = new float[arrayLength(rows.length, per)];
    int[] outLabels = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      int r = rows[k];
      if (r < 0 || r >= labels.length) {
        throw new IndexOutOfBoundsException("row " + r + " is outside [0, " + labels.length + ")");
      }
      System.arraycopy(pixels, r * per, out, k * per, per);
      outLabels[k] = labels[r];
    }
    return new ImageSet(height, width, channels, out, outLabels, levels);
  }

  /**
   * Returns the first {@code perClass} images of every level, in their original order: a
   * deterministic, stratified subset.
   *
   * @throws IllegalArgumentException when a level has fewer than {@code perClass} images
   */
  public ImageSet firstPerClass(int perClass) {
    return rows(firstPerClassRows(labels, levels, perClass));
  }

  /**
   * The rows {@link #firstPerClass} takes from data labelled {@code labels}: the first {@code perClass} rows of
   * each level, in their original order (for sources read a row at a time).
   *
   * @throws IllegalArgumentException when {@code perClass < 1} or a level has fewer rows
   */
  public static int[] firstPerClassRows(int[] labels, List<String> levels, int perClass) {
    if (perClass < 1) {
      throw new IllegalArgumentException("perClass = " + perClass + " must be at least 1");
    }
    int[] counts = new int[levels.size()];
    for (int label : labels) {
      counts[label]++;
    }
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] < perClass) {
        throw new IllegalArgumentException("level \"" + levels.get(k) + "\" has " + counts[k]
            + " images, fewer than perClass = " + perClass + "; ask for at most " + counts[k]);
      }
    }
    int[] taken = new int[counts.length];
    int[] rows = new int[perClass * counts.length];
    int next = 0;
    for (int i = 0; i < labels.length && next < rows.length; i++) {
      if (taken[labels[i]] < perClass) {
        taken[labels[i]]++;
        rows[next++] = i;
      }
    }
    return rows;
  }

  /** Returns how many images each level has, indexed like {@link #levels()}. */
  public int[] classCounts() {
    int[] counts = new int[levels.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  @Override
  public String toString() {
    return "ImageSet[" + labels.length + " images, " + channels + "×" + height + "×" + width
        + ", levels " + levels.size() + " " + Arrays.toString(classCounts()) + "]";
  }
}
