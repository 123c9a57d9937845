package org.tune4j.models.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.tune4j.models.data.CacheFolder;
import org.tune4j.models.data.DownloadException;
import org.tune4j.models.data.Downloader;

/**
 * Finds Keras' ImageNet weights without the top of a backbone ({@link PublishedWeights#of}; ResNet50's,
 * {@link PublishedWeights#RESNET50_NOTOP}, by default) for {@link Weights#imagenet()}: first in Keras' cache
 * ({@code ~/.keras/models/}), then in tune4j's ({@code <cache>/weights/}, see {@link CacheFolder}),
 * else downloads it into tune4j's cache, verified against the published md5 (the download goes
 * to a temporary file, renamed only once verified). Without network it fails with the file name,
 * the URL and both folders it may be put in.
 *
 * <p>A file found in Keras' cache is verified when it is loaded ({@link KerasWeightsLoader}); one in
 * tune4j's cache is verified here. Immutable and thread-safe.
 *
 * <pre>{@code
 * Path h5 = ImageNetWeights.standard().resolve(PublishedWeights.of(BackboneFamily.RESNET101));
 * Path offline = ImageNetWeights.of(KerasModelsCache.ofUserHome(), Path.of("/data/weights"),
 *     Downloader.offline()).resolve();
 * }</pre>
 */
public final class ImageNetWeights {
  private final KerasModelsCache keras;
  private final Path tune4jFolder;
  private final Downloader downloader;

  private ImageNetWeights(KerasModelsCache keras, Path tune4jFolder, Downloader downloader) {
    this.keras = Objects.requireNonNull(keras, "keras");
    this.tune4jFolder = Objects.requireNonNull(tune4jFolder, "tune4jFolder");
    this.downloader = Objects.requireNonNull(downloader, "downloader");
  }

  /** Keras' cache in the user's home, tune4j's cache from the environment, the standard downloader. */
  public static ImageNetWeights standard() {
    return of(KerasModelsCache.ofUserHome(), CacheFolder.fromEnvironment().weights(), Downloader.standard());
  }

  /**
   * A resolver over the given folders and downloader.
   *
   * @param tune4jFolder the folder downloads go to, such as {@code ~/.tune4j/weights}
   */
  public static ImageNetWeights of(KerasModelsCache keras, Path tune4jFolder, Downloader downloader) {
    return new ImageNetWeights(keras, tune4jFolder, downloader);
  }

  /** ResNet50's weights file, as {@link #resolve(PublishedWeights)} finds it. */
  public Path resolve() {
    return resolve(PublishedWeights.RESNET50_NOTOP);
  }

  /**
   * The file {@code published}: Keras' copy, tune4j's copy, or a fresh verified download.
   *
   * @throws IllegalArgumentException when tune4j's copy has the wrong md5 (delete it)
   * @throws IllegalStateException naming the file, the URL and both folders when it is nowhere and
   *     cannot be downloaded
   */
  public Path resolve(PublishedWeights published) {
    var kerasCopy = keras.find(published);
    if (kerasCopy.isPresent()) {
      return kerasCopy.get();
    }
    Path tune4jCopy = tune4jFolder.resolve(published.fileName());
    if (Files.isRegularFile(tune4jCopy)) {
      published.asPublishedFile().verify(tune4jCopy);
      return tune4jCopy;
    }
    try {
      return downloader.fetch(published.asPublishedFile(), tune4jFolder);
    } catch (DownloadException e) {
      throw new IllegalStateException("Keras' ImageNet weights " + published.fileName() + " are not in "
          + keras.folder() + " nor in " + tune4jFolder + ", and the download from " + downloader.source(
              e.file()) + " failed: " + e.reason() + ". Download " + published.url() + " by hand (md5 "
          + published.md5() + ") and put it in either folder, or use Weights.file(path) or Weights.random(seed)", e);
    }
  }

  @Override
  public String toString() {
    return "ImageNetWeights[" + keras.folder() + ", " + tune4jFolder + ", " + downloader + "]";
  }
}
