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

  private FeatureCache(Path folder, long shardBytes) {
    this.folder = folder;
    this.shardBytes = shardBytes;
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
    return new FeatureCache(folder, DEFAULT_SHARD_BYTES);
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
    return new FeatureCache(folder, bytes);
  }

  /** The size shards are written at. */
  public long shardBytes() {
    return shardBytes;
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /** The store of one frozen prefix, opened (and its shards checked) now. */
  public ShardStore store(String storeKey) {
    return ShardStore.open(folder, storeKey);
  }
}
