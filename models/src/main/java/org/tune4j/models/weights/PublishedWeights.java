package org.tune4j.models.weights;

import org.tune4j.tuning.input.BadInputException;
import java.nio.file.Path;
import java.util.Optional;
import org.tune4j.models.data.PublishedFile;

/**
 * The published Keras weights files tune4j knows by name, with their md5 checksums and origin.
 *
 * <p>When a file carries one of these names, {@link #verify(Path)} checks that its content is the
 * published file. Thread-safe; an enum of constants.
 */
public enum PublishedWeights {
  /** Keras' ImageNet ResNet50 without its top (facts.md). */
  RESNET50_NOTOP("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
      "4d473c1dd8becc155b73f8504c6f6626",
      "https://storage.googleapis.com/tensorflow/keras-applications/resnet/"
          + "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5");

  private final String fileName;
  private final String md5;
  private final String url;

  PublishedWeights(String fileName, String md5, String url) {
    this.fileName = fileName;
    this.md5 = md5;
    this.url = url;
  }

  /** The file name Keras caches it under. */
  public String fileName() {
    return fileName;
  }

  /** The published md5, lower-case hex. */
  public String md5() {
    return md5;
  }

  /** Where Keras downloads it from. */
  public String url() {
    return url;
  }

  /** This file as a {@link PublishedFile}, for {@link org.tune4j.models.data.Downloader}. */
  public PublishedFile asPublishedFile() {
    return PublishedFile.of(fileName, md5, url);
  }

  /** The published file this path claims to be, judged by its file name. */
  public static Optional<PublishedWeights> claimedBy(Path path) {
    Path name = path.getFileName();
    for (PublishedWeights w : values()) {
      if (name != null && name.toString().equals(w.fileName)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks the md5 of a file that claims to be a published file; does nothing for other names.
   *
   * @throws IllegalArgumentException naming the file, both checksums, and where to get a good copy
   */
  public static void verify(Path path) {
    Optional<PublishedWeights> claimed = claimedBy(path);
    if (claimed.isEmpty()) {
      return;
    }
    String actual = md5Of(path);
    PublishedWeights w = claimed.get();
    if (!actual.equals(w.md5)) {
      throw new BadInputException(path + " has md5 " + actual + " but the published " + w.fileName
          + " has md5 " + w.md5 + ": the file is corrupt or incomplete; delete it and download it again from "
          + w.url);
    }
  }

  /** The md5 of a file's content, lower-case hex (see {@link PublishedFile#md5Of}). */
  public static String md5Of(Path path) {
    return PublishedFile.md5Of(path);
  }
}
