package org.tune4j.models.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds a {@link StoreMirror} for a URI among the providers on the class path
 * ({@code META-INF/services/org.tune4j.models.tune.StoreMirrors$Provider}); tune4j-spark provides
 * Hadoop's file systems.
 */
public final class StoreMirrors {
  private StoreMirrors() {}

  /** Makes mirrors for the URIs it accepts. */
  public interface Provider {
    /** Whether {@code uri} is one of this provider's ({@code hdfs://…}, {@code s3a://…}, {@code file:/…}). */
    boolean accepts(String uri);

    /** The mirror of {@code uri}. */
    StoreMirror open(String uri);
  }

  /**
   * The mirror of {@code uri} from the first provider that accepts it.
   *
   * @throws IllegalArgumentException naming the URI and the fix when none does
   */
  public static StoreMirror forUri(String uri) {
    List<String> seen = new ArrayList<>();
    for (Provider p : ServiceLoader.load(Provider.class)) {
      if (p.accepts(uri)) {
        return p.open(uri);
      }
      seen.add(p.getClass().getSimpleName());
    }
    throw new IllegalArgumentException("feature store \"" + uri + "\": " + (seen.isEmpty()
        ? "no store for URIs is on the class path; tune4j-spark brings Hadoop's file systems (./tune4j adds it with"
            + " --master or --feature-store), or keep the features in a folder every node sees"
            + " (FeatureCache.at(folder); in jobs, the output folder)"
        : "none of " + seen + " accepts it; give a URI with a scheme (hdfs://…, s3a://…, file:/…), or keep the features"
            + " in a folder every node sees (FeatureCache.at(folder); in jobs, the output folder)"));
  }
}
