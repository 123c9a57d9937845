package org.tune4j.models.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends feature rows to a {@link ShardStore}: rows gather in one shard's buffer, and each full
 * shard is written atomically and becomes visible to the store at once; {@link #close()} writes the
 * last, partial one. A row whose key is stored already (or appended already) is skipped. A writer
 * killed before {@link #close()} loses only its unwritten buffer: the store keeps every whole shard.
 * Not thread-safe: one writer per featurizing thread.
 */
public final class ShardWriter implements AutoCloseable {
  private final ShardStore store;
  private final int columns;
  private final int shardRows;
  private final float[] buffer;
  private final List<String> keys = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private int shardsWritten;

  ShardWriter(ShardStore store, int columns, int shardRows) {
    this.store = store;
    this.columns = columns;
    this.shardRows = shardRows;
    this.buffer = new float[shardRows * columns];
  }

  /** Rows a shard holds. */
  public int shardRows() {
    return shardRows;
  }

  /** Shards this writer has written. */
  public int shardsWritten() {
    return shardsWritten;
  }

  /**
   * Appends the row of {@code contentKey}: {@code columns} values of {@code values} from {@code offset}.
   *
   * @throws UncheckedIOException naming the folder when a full shard cannot be written
   */
  public void append(String contentKey, float[] values, int offset) {
    if (store.contains(contentKey) || !seen.add(contentKey)) {
      return;
    }
    System.arraycopy(values, offset, buffer, keys.size() * columns, columns);
    keys.add(contentKey);
    if (keys.size() == shardRows) {
      flush();
    }
  }

  private void flush() {
    if (keys.isEmpty()) {
      return;
    }
    try {
      Path file = ShardFile.write(store.folder(), store.storeKey(), columns, keys, buffer);
      store.register(file, ShardFile.read(file));
      shardsWritten++;
    } catch (IOException e) {
      throw new UncheckedIOException("feature shard cannot be written in " + store.folder() + ": " + e.getMessage()
          + "; check the free disk space and permissions", e);
    }
    keys.clear();
  }

  /** Writes the partial last shard. */
  @Override
  public void close() {
    flush();
  }
}
