package org.tune4j.models.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads an image folder laid out one sub-folder per class, as Keras'
 * {@code image_dataset_from_directory} and torchvision's {@code ImageFolder} take it:
 * {@code root/cat/001.png}, {@code root/dog/a.jpg}, …
 *
 * <p>Classes are the sub-folders sorted by name (their order is the label order); images are the
 * {@code .png}, {@code .jpg} and {@code .jpeg} files directly in each (any case), sorted by name.
 * Other files, hidden files and deeper folders are ignored. Pixels are 0–255. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * LoadedImages pets = ImageFolders.read(Path.of("pets"), 64, 64, ColorMode.RGB, false);
 * ImageSet images = pets.images();
 * }</pre>
 */
public final class ImageFolders {
  private ImageFolders() {}

  /**
   * Reads the folder, resizing every image to {@code height × width}.
   *
   * @param skipUnreadable whether unreadable files are skipped (listed in {@link LoadedImages#skipped()})
   *     rather than failing the read
   * @throws IllegalArgumentException naming the folder or file: no class folders, no images, an
   *     unreadable image (unless skipped)
   */
  public static LoadedImages read(Path root, int height, int width, ColorMode mode, boolean skipUnreadable) {
    ImageOptions options = ImageOptions.of(mode).resize(height, width);
    return read(root, skipUnreadable ? options.skippingUnreadable() : options);
  }

  /**
   * Reads the folder with the given options; without a resize all images must have one size.
   *
   * @throws IllegalArgumentException naming the folder or file: no class folders, no images,
   *     images of different sizes, an unreadable image (unless skipped)
   */
  public static LoadedImages read(Path root, ImageOptions options) {
    ImageFiles.Listing l = list(root);
    return ImageLoader.load(l.files(), l.labelList(), l.levels(), options, l.what());
  }

  /**
   * Lists the folder's images and their classes without reading any of them: what a streaming
   * image source reads on demand.
   *
   * @throws IllegalArgumentException naming the folder when it is missing or has no class folders
   */
  public static ImageFiles.Listing list(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("image folder " + root + " does not exist or is not a folder; give a"
          + " folder with one sub-folder of images per class");
    }
    List<Path> classes = children(root, true);
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("image folder " + root + " has no class sub-folders; put the images of"
          + " each class in a sub-folder named after it, such as " + root.resolve("cat") + "/001.png");
    }
    List<String> levels = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path folder : classes) {
      int label = levels.size();
      levels.add(folder.getFileName().toString());
      children(folder, false).stream().filter(ImageFolders::isImageName).forEach(f -> {
        files.add(f);
        labels.add(label);
      });
    }
    return new ImageFiles.Listing(files, labels, levels, "image folder " + root);
  }

  private static List<Path> children(Path folder, boolean folders) {
    return entries(folder).filter(p -> folders ? Files.isDirectory(p) && !hidden(p) : Files.isRegularFile(p)).toList();
  }

  /** Whether the file name ends in .png, .jpg or .jpeg (any case) and is not hidden. */
  static boolean isImageName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !hidden(file) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private static Stream<Path> entries(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
