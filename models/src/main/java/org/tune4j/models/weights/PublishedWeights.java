package org.tune4j.models.weights;

import org.tune4j.tuning.input.BadInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tune4j.models.data.PublishedFile;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * A published Keras weights file tune4j knows by name, with its md5 checksum and origin: the ImageNet
 * weights without the top of every {@link BackboneFamily} ({@link #all()}).
 *
 * <p>When a file carries one of these names, {@link #verify(Path)} checks that its content is the
 * published file. Immutable and thread-safe.
 *
 * <pre>{@code
 * PublishedWeights w = PublishedWeights.of(BackboneFamily.RESNET101);
 * // w.fileName(): resnet101_weights_tf_dim_ordering_tf_kernels_notop.h5
 * }</pre>
 *
 * @param fileName the file name Keras caches it under
 * @param md5 the published md5, lower-case hex
 * @param url where Keras downloads it from
 */
public record PublishedWeights(String fileName, String md5, String url) {
  /** Keras' ImageNet ResNet50 without its top (facts.md). */
  public static final PublishedWeights RESNET50_NOTOP = of(BackboneFamily.RESNET50);

  /** Checks the parts as a {@link PublishedFile} does. */
  public PublishedWeights {
    PublishedFile.of(fileName, md5, url);
  }

  /** Keras' ImageNet weights without the top of {@code family}. */
  public static PublishedWeights of(BackboneFamily family) {
    PublishedFile f = family.notopWeights();
    return new PublishedWeights(f.fileName(), f.md5(), f.url().toString());
  }

  /** Every published file tune4j knows, one per backbone family, in the families' order. */
  public static List<PublishedWeights> all() {
    return Arrays.stream(BackboneFamily.values()).map(PublishedWeights::of).toList();
  }

  /** This file as a {@link PublishedFile}, for {@link org.tune4j.models.data.Downloader}. */
  public PublishedFile asPublishedFile() {
    return PublishedFile.of(fileName, md5, url);
  }

  /** The published file this path claims to be, judged by its file name. */
  public static Optional<PublishedWeights> claimedBy(Path path) {
    Path name = path.getFileName();
    return name == null ? Optional.empty()
        : all().stream().filter(w -> name.toString().equals(w.fileName)).findFirst();
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
