package org.tune4j.models.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Image files as streaming sources read them: a {@link Listing} of files and labels (from
 * {@link ImageFolders#list} or {@link ImageCsv#list}) and {@link #decode}, which turns one file into
 * CHW pixels of 0–255 at the size asked. Stateless and thread-safe.
 *
 * <pre>{@code
 * ImageFiles.Listing pets = ImageFolders.list(Path.of("pets"));
 * float[] first = ImageFiles.decode(pets.files().get(0), ImageOptions.of(ColorMode.RGB).resize(224, 224), 224, 224);
 * }</pre>
 */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * Files with their labels, in a fixed order.
   *
   * @param files the image files
   * @param labels one class index per file, into {@code levels}
   * @param levels the class names
   * @param what names the listing in messages, such as {@code image folder /data/pets}
   */
  public record Listing(List<Path> files, List<Integer> labels, List<String> levels, String what) {
    /** Copies the lists and checks that there is one label per file. */
    public Listing {
      files = List.copyOf(files);
      labels = List.copyOf(labels);
      levels = List.copyOf(levels);
      Objects.requireNonNull(what, "what");
      if (files.size() != labels.size()) {
        throw new IllegalArgumentException(files.size() + " files but " + labels.size() + " labels in " + what);
      }
    }

    /** The labels as a list (the loader's form). */
    List<Integer> labelList() {
      return labels;
    }
  }

  /** Why a file could not be decoded: missing, not an image, truncated or damaged. */
  public static final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableFileException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /**
   * Decodes {@code file} in the options' colour mode and resizes it to {@code height × width}
   * (bilinear) when the options resize; otherwise the file must already be that size.
   *
   * @throws UnreadableFileException with the reason when the file cannot be read or has another size
   */
  public static float[] decode(Path file, ImageOptions options, int height, int width) throws UnreadableFileException {
    ImageDecoder.Pixels px;
    try {
      px = ImageDecoder.decode(file, options.mode());
    } catch (ImageDecoder.UnreadableImageException e) {
      throw new UnreadableFileException(e.getMessage(), e);
    }
    if (options.resizes() || (px.height() == height && px.width() == width)) {
      return ImageDecoder.resize(px.values(), options.mode().channels(), px.height(), px.width(), height, width);
    }
    throw new UnreadableFileException("it is " + px.height() + "×" + px.width() + " but the other images are " + height
        + "×" + width + "; images of different sizes need a resize: pass a height and width", null);
  }

  /**
   * The height and width of {@code file} from its header, without decoding its pixels (for sources
   * that keep each image's size). The colour mode does not change the size.
   */
  public static int[] size(Path file, ColorMode mode) throws UnreadableFileException {
    java.util.Objects.requireNonNull(mode, "mode");
    try {
      return ImageDecoder.size(file);
    } catch (ImageDecoder.UnreadableImageException e) {
      throw new UnreadableFileException(e.getMessage(), e);
    }
  }
}
