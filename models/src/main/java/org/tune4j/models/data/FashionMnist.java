package org.tune4j.models.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST: 70,000 grey 28×28 images of clothing in 10 classes (Zalando, MIT licence).
 *
 * <p>{@link #read(Path, String)} reads the full IDX files, for example those of Debian's
 * {@code dataset-fashion-mnist} package in {@link #DEBIAN_FOLDER}; {@link EmbeddedSample} holds a
 * small stratified subset inside tune4j. Stateless and thread-safe.
 */
public final class FashionMnist {
  /** The class names, in label order. */
  public static final List<String> LEVELS = List.of(
      "tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot");

  /** Where Debian's {@code dataset-fashion-mnist} package puts the four IDX files. */
  public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

  private FashionMnist() {}

  /**
   * Reads one split from a folder holding the IDX files under their original names.
   *
   * @param folder the folder with {@code <split>-images-idx3-ubyte[.gz]} and the label file
   * @param split {@code "train"} or {@code "t10k"}
   * @throws IllegalArgumentException naming the split or the missing file
   */
  public static ImageSet read(Path folder, String split) {
    SplitFiles f = files(folder, split);
    return IdxFormat.read(f.images(), f.labels(), LEVELS);
  }

  /**
   * The IDX image and label files of one split in a folder (gzipped ones preferred), for reading on
   * demand.
   *
   * @param split {@code "train"} or {@code "t10k"}
   * @throws IllegalArgumentException naming the split or the missing file
   */
  public static SplitFiles files(Path folder, String split) {
    if (!split.equals("train") && !split.equals("t10k")) {
      throw new IllegalArgumentException("split \"" + split + "\" is not a Fashion-MNIST split; choose from: train, t10k");
    }
    return new SplitFiles(existing(folder, split + "-images-idx3-ubyte"), existing(folder, split + "-labels-idx1-ubyte"));
  }

  /**
   * One split's files.
   *
   * @param images the IDX image file
   * @param labels the IDX label file
   */
  public record SplitFiles(Path images, Path labels) {}

  private static Path existing(Path folder, String stem) {
    Path gz = folder.resolve(stem + ".gz");
    Path plain = folder.resolve(stem);
    if (gz.toFile().isFile()) {
      return gz;
    }
    if (plain.toFile().isFile()) {
      return plain;
    }
    throw new IllegalArgumentException("Fashion-MNIST file " + gz + " (or " + plain + ") does not exist;"
        + " on Debian run `apt-get install dataset-fashion-mnist`, or pass the folder holding the IDX files");
  }
}
