package org.tune4j.models.data;

import java.util.Objects;

/**
 * How {@link ImageFolders} and {@link ImageCsv} turn image files into an {@link ImageSet}: the
 * colour mode, an optional bilinear resize, and whether unreadable files are skipped (each with a
 * {@link SkippedImage} note) or fail the read.
 *
 * <p>Without a resize every image must have the size of the first; a different one is an error
 * naming the file. Immutable and thread-safe.
 *
 * <pre>{@code
 * ImageOptions o = ImageOptions.of(ColorMode.RGB).resize(32, 32).skippingUnreadable();
 * }</pre>
 *
 * @param mode grey or RGB
 * @param height the height to resize to, or 0 to keep each image's size
 * @param width the width to resize to, or 0 to keep each image's size
 * @param skipUnreadable whether an unreadable file is skipped with a note instead of failing the read
 */
public record ImageOptions(ColorMode mode, int height, int width, boolean skipUnreadable) {
  /** Checks the mode and that the size is both 0 (keep) or both positive. */
  public ImageOptions {
    Objects.requireNonNull(mode, "mode");
    boolean keep = height == 0 && width == 0;
    if (!keep && (height < 1 || width < 1)) {
      throw new IllegalArgumentException("resize to " + height + "×" + width + " is not a size; give a positive"
          + " height and width, or 0 and 0 to keep each image's size");
    }
  }

  /** Images in the given mode at their own size, unreadable files failing the read. */
  public static ImageOptions of(ColorMode mode) {
    return new ImageOptions(mode, 0, 0, false);
  }

  /** A copy that resizes every image to {@code height × width} (bilinear). */
  public ImageOptions resize(int newHeight, int newWidth) {
    return new ImageOptions(mode, newHeight, newWidth, skipUnreadable);
  }

  /** A copy that skips unreadable files, each with a note, instead of failing. */
  public ImageOptions skippingUnreadable() {
    return new ImageOptions(mode, height, width, true);
  }

  /** Whether images are resized. */
  public boolean resizes() {
    return height > 0;
  }
}
