package org.tune4j.models.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tune4j.models.data.IdxFormat;

/**
 * Builds the source of an IDX image file and its label file (MNIST, Fashion-MNIST). A plain image
 * file is read an image at a time at its offset. A gzipped one cannot be read at an offset, so its
 * pixel bytes are inflated once and held as bytes: IDX data sets are small (Fashion-MNIST's 60,000
 * training images are 47 MB as bytes, a quarter of their float form), and this needs no writable
 * folder beside read-only files such as Debian's {@code /usr/share/datasets}. Stateless.
 */
final class IdxSource {
  private IdxSource() {}

  /**
   * The images and labels as a source.
   *
   * @throws IllegalArgumentException naming the file when it is missing, truncated, of the wrong kind, disagrees
   *     with the other on the row count, or has a label outside the levels
   */
  static ImageSource of(Path images, Path labelFile, List<String> levels) {
    IdxFormat.ImageHeader h = IdxFormat.imageHeader(images);
    int[] labels = IdxFormat.labels(labelFile, levels);
    if (h.count() != labels.length) {
      throw new IllegalArgumentException(images + " has " + h.count() + " images but " + labelFile + " has "
          + labels.length + " labels; pass the label file that belongs to these images");
    }
    int per = h.rows() * h.cols();
    RecordFiles records;
    if (h.gzipped()) {
      records = RecordFiles.inMemory(images, IdxFormat.imageBytes(images), per);
    } else {
      long needed = IdxFormat.IMAGES_HEADER_BYTES + (long) h.count() * per;
      long length = size(images);
      if (length < needed) {
        throw new IllegalArgumentException(images + " is truncated: it has " + length + " bytes but its header"
            + " announces " + needed + "; download or copy it again");
      }
      records = RecordFiles.onDisk(List.of(images), new long[] {IdxFormat.IMAGES_HEADER_BYTES},
          new int[] {h.count()}, per);
    }
    String describe = String.format(Locale.ROOT, "IDX images %s (%,d images, %d classes)", images, h.count(),
        levels.size());
    RecordSource.Shape shape = new RecordSource.Shape(0, 1, h.rows(), h.cols(), describe,
        "decode=idx-ubyte|mode=GREY|size=" + h.rows() + "x" + h.cols());
    return new RecordSource(records, shape, labels, levels);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
