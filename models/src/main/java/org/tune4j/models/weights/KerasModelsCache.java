package org.tune4j.models.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keras' own cache of downloaded files, {@code ~/.keras/models/}, where a Keras user already has
 * the ImageNet weights. Immutable and thread-safe.
 *
 * <pre>{@code
 * Optional<Path> h5 = KerasModelsCache.ofUserHome().find(PublishedWeights.RESNET50_NOTOP);
 * }</pre>
 *
 * @param folder the cache folder
 */
public record KerasModelsCache(Path folder) {

  /** The cache under the current user's home folder. */
  public static KerasModelsCache ofUserHome() {
    return new KerasModelsCache(Path.of(System.getProperty("user.home"), ".keras", "models"));
  }

  /** The path the published file would have in this cache. */
  public Path pathOf(PublishedWeights weights) {
    return folder.resolve(weights.fileName());
  }

  /** The cached file, if it is there and readable (its content is checked when it is loaded). */
  public Optional<Path> find(PublishedWeights weights) {
    Path p = pathOf(weights);
    return Files.isRegularFile(p) && Files.isReadable(p) ? Optional.of(p) : Optional.empty();
  }
}
