package org.tune4j.models.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What reading image files gave: the images, the file of each row, and the files skipped.
 * Immutable and thread-safe.
 *
 * @param images the images, in file order
 * @param files the file each row of {@code images} came from
 * @param skipped the files left out, each with its reason (empty unless skipping was asked for)
 */
public record LoadedImages(ImageSet images, List<Path> files, List<SkippedImage> skipped) {
  /** Copies the lists and checks that there is one file per image. */
  public LoadedImages {
    Objects.requireNonNull(images, "images");
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    if (files.size() != images.size()) {
      throw new IllegalArgumentException(files.size() + " files for " + images.size() + " images; give one file per image");
    }
  }
}
