package org.tune4j.models.source;

import java.nio.file.Path;
import java.util.Objects;
import org.tune4j.models.data.ImageCsv;
import org.tune4j.models.data.ImageFolders;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.data.ImageSet;

/**
 * The image sources: in memory, an image folder, a CSV list of files, two sources one after the
 * other; and {@link #toImageSet} to hold a small source whole. Stateless.
 *
 * <pre>{@code
 * ImageSource pets = ImageSources.folder(Path.of("pets"), ImageOptions.of(ColorMode.RGB).resize(224, 224));
 * ImageSource ready = PreparedSource.of(pets).scale01();
 * }</pre>
 */
public final class ImageSources {
  private ImageSources() {}

  /** The in-memory images as a source (so every API that takes a source takes an {@link ImageSet}). */
  public static ImageSource of(ImageSet images) {
    return new InMemorySource(images);
  }

  /**
   * An image folder, one sub-folder per class ({@link ImageFolders}' layout), read on demand: listing
   * the files is all that happens here.
   *
   * @throws IllegalArgumentException naming the folder when it is missing, has no class folders or no images
   */
  public static ImageSource folder(Path root, ImageOptions options) {
    return new FileSource(ImageFolders.list(root), Objects.requireNonNull(options, "options"));
  }

  /**
   * The images of a CSV with {@code path,label} columns ({@link ImageCsv}'s format; relative paths from the CSV's
   * folder), read on demand.
   *
   * @throws IllegalArgumentException naming the CSV and line when it is malformed
   */
  public static ImageSource csv(Path csv, ImageOptions options) {
    return new FileSource(ImageCsv.list(csv), Objects.requireNonNull(options, "options"));
  }

  /**
   * The rows of {@code first}, then those of {@code second}: a training and a test source as one.
   *
   * @throws IllegalArgumentException when their image shapes, levels or preparations differ
   */
  public static ImageSource concat(ImageSource first, ImageSource second) {
    return new ConcatSource(first, second);
  }

  /**
   * Reads a small source whole into memory.
   *
   * @throws IllegalArgumentException when its pixels would pass 2^31 - 1 values, naming the size
   */
  public static ImageSet toImageSet(ImageSource source) {
    long values = (long) source.size() * source.pixelsPerImage();
    if (values > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(source.describe() + " has " + values + " pixel values at "
          + source.height() + "×" + source.width() + ", more than one array holds; stream it (tuning reads sources"
          + " a chunk at a time) or use fewer or smaller images");
    }
    float[] px = new float[(int) values];
    int[] all = new int[source.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    source.read(all, px);
    return ImageSet.of(source.height(), source.width(), source.channels(), px, source.labels(), source.levels());
  }

  static void checkTarget(int[] rows, float[] target, int per) {
    if (target.length < (long) rows.length * per) {
      throw new IllegalArgumentException("target has " + target.length + " values but " + rows.length + " rows of "
          + per + " need " + (long) rows.length * per);
    }
  }
}
