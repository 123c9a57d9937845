package org.tune4j.models.source;

import java.util.List;

/**
 * A labelled collection of images that are read on demand: decoded, resized and prepared one chunk
 * of rows at a time, so a data set of any size flows through the backbone with memory bounded by a
 * few chunks. Image folders, CSV lists of files, CIFAR and IDX files and the in-memory
 * {@link org.tune4j.models.data.ImageSet} are sources; {@link PreparedSource} adds per-image
 * preparation steps (padding, grey to RGB, ImageNet preprocessing) to any of them.
 *
 * <p>Rows are numbered {@code 0 … size() - 1} in a fixed order (the same order on every run over
 * the same data). Every row has a label, a human-readable name (its file, or its record) and a
 * content key: a hash of the bytes the row is decoded from, so a row's features can be found again
 * when the data set gains or loses other rows. Implementations are immutable and thread-safe:
 * {@link #read} may be called from several threads at once.
 *
 * <pre>{@code
 * ImageSource pets = ImageSources.folder(Path.of("pets"), ImageOptions.of(ColorMode.RGB).resize(224, 224));
 * float[] chunk = new float[16 * pets.pixelsPerImage()];
 * pets.read(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, chunk);
 * }</pre>
 */
public interface ImageSource {
  /** The number of rows. */
  int size();

  /** Height of every row as {@link #read} gives it. */
  int height();

  /** Width of every row as {@link #read} gives it. */
  int width();

  /** 1 (grey) or 3 (RGB) channels per row as {@link #read} gives it. */
  int channels();

  /** The number of values one row takes: channels × height × width. */
  default int pixelsPerImage() {
    return channels() * height() * width();
  }

  /** The class names; label {@code k} means {@code levels().get(k)}. */
  List<String> levels();

  /** The labels of all rows, indices into {@link #levels()} (a copy). */
  int[] labels();

  /** What row {@code row} is, for messages and manifests: its file path, or its record in a file. */
  String item(int row);

  /**
   * A hash of what row {@code row} is decoded from (a file's bytes, a record's bytes, or in-memory
   * pixels), as lower-case hex; together with {@link #preparation()} it decides the row's pixels.
   */
  String contentKey(int row);

  /**
   * Everything that turns a row's bytes into the pixels {@link #read} gives, as a stable text
   * (decoder, colour mode, resize, padding, preprocessing): part of the feature cache's key.
   */
  String preparation();

  /** One line naming the source, such as {@code image folder /data/pets (7,390 images, 37 classes)}. */
  String describe();

  /**
   * Decodes, resizes and prepares the given rows into {@code target}, row after row, each row CHW:
   * row {@code rows[k]}'s pixel {@code (c, y, x)} goes to {@code k·C·H·W + c·H·W + y·W + x}.
   *
   * @throws UnreadableRowException naming the row's item when it cannot be read
   * @throws IndexOutOfBoundsException when a row is outside {@code [0, size())}
   * @throws IllegalArgumentException when {@code target} is shorter than {@code rows.length × pixelsPerImage()}
   */
  void read(int[] rows, float[] target);
}
