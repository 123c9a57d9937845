package org.tune4j.models.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Appends feature rows to a {@link ShardStore}. Rows gather in one shard's buffer; each full shard
 * is written atomically and is at once visible to the store's {@link ShardStore#contains} and
 * {@link ShardStore#matrix}; {@link #close()} writes the last, partial one. A row whose key is
 * stored already, or is in the buffer already, is skipped. A writer killed (or abandoned) before
 * {@link #close()} loses only its buffer: the store keeps every whole shard. The buffer grows with
 * the rows appended up to one shard, never beyond.
 *
 * <p>Not thread-safe: confine a writer to one thread; several writers, of one store or of several
 * processes, may write to one folder at once.
 *
 * <pre>{@code
 * try (ShardWriter w = store.writer(2048, 8L << 20)) {
 *   w.append(contentKey, chunkFeatures, k * 2048);   // row k of a chunk
 * }
 * }</pre>
 */
public final class ShardWriter implements AutoCloseable {
  private static final int FIRST_BUFFER_ROWS = 64;

  private final ShardStore store;
  private final int columns;
  private final int shardRows;
  private float[] buffer = new float[0];
  private final List<String> keys = new ArrayList<>();
  private final Set<String> buffered = new HashSet<>();
  private int shardsWritten;
  private long rowsWritten;
  private boolean closed;

  ShardWriter(ShardStore store, int columns, int shardRows) {
    this.store = store;
    this.columns = columns;
    this.shardRows = shardRows;
  }

  /** The length of a row. */
  public int columns() {
    return columns;
  }

  /** Rows a shard holds. */
  public int shardRows() {
    return shardRows;
  }

  /** Shards this writer has written. */
  public int shardsWritten() {
    return shardsWritten;
  }

  /** Rows this writer has written in whole shards. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /** Rows appended but not yet in a shard. */
  public int rowsBuffered() {
    return keys.size();
  }

  /**
   * Appends the row of {@code contentKey}: {@link #columns()} values of {@code values} from {@code offset}; writes the
   * shard when it is full.
   *
   * @return whether the row was taken (false when its key is stored or buffered already)
   * @throws IllegalArgumentException naming a malformed key, or an offset with too few values after it
   * @throws IllegalStateException after {@link #close()}
   * @throws UncheckedIOException naming the folder when a full shard cannot be written
   */
  public boolean append(String contentKey, float[] values, int offset) {
    if (closed) {
      throw new IllegalStateException("this shard writer of " + store.folder() + " is closed; open another with"
          + " store.writer()");
    }
    ContentKeys.require(contentKey);
    Objects.requireNonNull(values, "values");
    if (offset < 0 || (long) offset + columns > values.length) {
      throw new IllegalArgumentException("a row of " + columns + " values from offset " + offset + " does not fit in "
          + values.length + " values; the offset of row k of a chunk is k * " + columns);
    }
    if (buffered.contains(contentKey) || store.contains(contentKey)) {
      return false;
    }
    int at = keys.size() * columns;
    if (at + columns > buffer.length) {
      int rows = Math.min(shardRows, Math.max(FIRST_BUFFER_ROWS, keys.size() * 2));
      buffer = Arrays.copyOf(buffer, rows * columns);
    }
    System.arraycopy(values, offset, buffer, at, columns);
    keys.add(contentKey);
    buffered.add(contentKey);
    if (keys.size() == shardRows) {
      flush();
    }
    return true;
  }

  private void flush() {
    if (keys.isEmpty()) {
      return;
    }
    try {
      store.add(ShardFile.write(store.folder(), store.storeKey(), columns, keys, buffer));
    } catch (IOException e) {
      throw new UncheckedIOException("feature shard of " + keys.size() + " rows cannot be written in " + store.folder()
          + ": " + e + "; check the free disk space and permissions", e);
    }
    shardsWritten++;
    rowsWritten += keys.size();
    keys.clear();
    buffered.clear();
  }

  /**
   * Writes the partial last shard, if any; later calls do nothing.
   *
   * @throws UncheckedIOException naming the folder when the shard cannot be written
   */
  @Override
  public void close() {
    if (!closed) {
      flush();
      closed = true;
      buffer = new float[0];
    }
  }
}
