package org.tune4j.models.tune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tune4j.models.store.ShardStore;

/**
 * A folder of computed features that outlives a run: a later run on the same images, or on a data
 * set that gained some, reads the stored features instead of running the backbone again.
 *
 * <p>Under the folder, each frozen prefix (architecture, weights, pooling, input size, reduction,
 * image preparation) has a {@link ShardStore} of its own: fixed-size shard files of feature rows,
 * each row keyed by the hash of the bytes its image came from, written atomically with a checksum
 * and read memory-mapped. A damaged shard is deleted and its rows computed again; a killed run
 * keeps its whole shards. Thread-safe and safe across processes.
 *
 * <pre>{@code
 * ImageSplit split = ImageSplit.of(sample).withFeatureCache(FeatureCache.at(Path.of("cache/features")));
 * }</pre>
 */
public final class FeatureCache {
  /** The default size of a shard file: 64 MiB, about 8,000 rows of 2,048 features. */
  public static final long DEFAULT_SHARD_BYTES = 64L << 20;

  private final Path folder;
  private final long shardBytes;
  private final java.util.Optional<StoreMirror> mirror;

  private FeatureCache(Path folder, long shardBytes, java.util.Optional<StoreMirror> mirror) {
    this.folder = folder;
    this.shardBytes = shardBytes;
    this.mirror = mirror;
  }

  /**
   * A cache in {@code folder}, created when missing.
   *
   * @throws UncheckedIOException naming the folder when it cannot be created
   */
  public static FeatureCache at(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("feature cache folder " + folder + " cannot be created: " + e.getMessage()
          + "; choose a writable folder", e);
    }
    return new FeatureCache(folder, DEFAULT_SHARD_BYTES, java.util.Optional.empty());
  }

  /**
   * A cache whose shared home is {@code mirror} (a Hadoop URI, say), worked on in the mirror's local folder: a store
   * fetches the shards it lacks when opened, and shards written here are sent when a featurizing ends.
   *
   * <pre>{@code
   * FeatureCache cache = FeatureCache.mirrored(StoreMirrors.forUri("hdfs://nn/tune4j/features"));
   * }</pre>
   *
   * @throws UncheckedIOException naming the local folder when it cannot be created
   */
  public static FeatureCache mirrored(StoreMirror mirror) {
    FeatureCache local = at(mirror.localFolder());
    return new FeatureCache(local.folder, DEFAULT_SHARD_BYTES, java.util.Optional.of(mirror));
  }

  /**
   * This cache writing shards of about {@code bytes} bytes: smaller shards lose less to a killed run, larger ones
   * mean fewer files.
   *
   * @throws IllegalArgumentException when {@code bytes} is below 1
   */
  public FeatureCache withShardBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("shard size " + bytes + " bytes must be at least 1; the default is "
          + DEFAULT_SHARD_BYTES);
    }
    return new FeatureCache(folder, bytes, mirror);
  }

  /** The size shards are written at. */
  public long shardBytes() {
    return shardBytes;
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /** The shared home of this cache, when it has one beyond its folder. */
  public java.util.Optional<StoreMirror> mirror() {
    return mirror;
  }

  /** The store of one frozen prefix, opened (and its shards checked) now, after fetching what the mirror has. */
  public ShardStore store(String storeKey) {
    ShardStore store = ShardStore.open(folder, storeKey);
    if (mirror.isPresent()) {
      mirror.get().pull(store.folder());
      store.refresh();
    }
    return store;
  }

  /** Sends the shards of {@code store} that the mirror lacks (nothing without a mirror). */
  public void publish(ShardStore store) {
    mirror.ifPresent(m -> m.push(store.folder()));
  }
}
