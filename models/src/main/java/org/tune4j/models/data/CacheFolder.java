package org.tune4j.models.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * tune4j's own cache of downloaded files: data set archives under {@code datasets/}, weights under
 * {@code weights/}.
 *
 * <p>{@link #fromEnvironment()} takes the folder from the system property {@code tune4j.cache},
 * else the environment variable {@code TUNE4J_CACHE}, else {@code ~/.tune4j}. It is read when called,
 * never cached. Immutable and thread-safe.
 *
 * <pre>{@code
 * Path archives = CacheFolder.fromEnvironment().datasets();   // ~/.tune4j/datasets
 * }</pre>
 *
 * @param root the cache's root folder
 */
public record CacheFolder(Path root) {
  /** The system property that moves the cache. */
  public static final String PROPERTY = "tune4j.cache";
  /** The environment variable that moves the cache when the property is not set. */
  public static final String ENVIRONMENT = "TUNE4J_CACHE";

  /** Requires a root. */
  public CacheFolder {
    Objects.requireNonNull(root, "root");
  }

  /** The cache the current system property, environment or home folder points at. */
  public static CacheFolder fromEnvironment() {
    String fromProperty = System.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return new CacheFolder(Path.of(fromProperty));
    }
    String fromEnvironment = System.getenv(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return new CacheFolder(Path.of(fromEnvironment));
    }
    return new CacheFolder(Path.of(System.getProperty("user.home"), ".tune4j"));
  }

  /** Where data set archives go: {@code <root>/datasets}. */
  public Path datasets() {
    return root.resolve("datasets");
  }

  /** Where weights files go: {@code <root>/weights}. */
  public Path weights() {
    return root.resolve("weights");
  }
}
