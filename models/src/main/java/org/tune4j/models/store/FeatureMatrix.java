package org.tune4j.models.store;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * The feature rows of a run, in the run's row order: views of memory-mapped shards, or one
 * in-memory array. {@link #gather} copies just the rows asked for, so the rows of a fold are read
 * without loading or copying the whole matrix; the operating system pages the shards in and out.
 *
 * <p>Thread-safe: concurrent gathers read with absolute gets and change nothing. {@link #close()}
 * drops the matrix's hold on the mappings (the JVM unmaps them once nothing else holds them); a
 * gather after it throws.
 *
 * <pre>{@code
 * try (FeatureMatrix m = store.matrix(contentKeys)) {
 *   float[] x = new float[fold.length * m.columns()];
 *   m.gather(fold, x);                       // row k of x is matrix row fold[k]
 * }
 * }</pre>
 */
public final class FeatureMatrix implements AutoCloseable {
  /** Mapped form: the shards' features, and for each row its shard and row in the shard. */
  private volatile FloatBuffer[] shards;
  private final int[] shardOf;
  private final int[] rowInShard;
  /** In-memory form: row-major values. */
  private volatile float[] values;
  private final int rows;
  private final int columns;

  private FeatureMatrix(FloatBuffer[] shards, int[] shardOf, int[] rowInShard, float[] values, int rows, int columns) {
    this.shards = shards;
    this.shardOf = shardOf;
    this.rowInShard = rowInShard;
    this.values = values;
    this.rows = rows;
    this.columns = columns;
  }

  static FeatureMatrix mapped(FloatBuffer[] shards, ShardStore.Location[] rows, int columns) {
    int[] shardOf = new int[rows.length];
    int[] rowInShard = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      shardOf[i] = rows[i].shard();
      rowInShard[i] = rows[i].row();
    }
    return new FeatureMatrix(shards.clone(), shardOf, rowInShard, null, rows.length, columns);
  }

  /**
   * A matrix over row-major {@code values} ({@code rows × columns}, not copied: the caller hands them over).
   *
   * @throws IllegalArgumentException when the length does not match, or a size is negative
   */
  public static FeatureMatrix inMemory(float[] values, int rows, int columns) {
    Objects.requireNonNull(values, "values");
    if (rows < 0 || columns < 1 || (long) rows * columns != values.length) {
      throw new IllegalArgumentException(values.length + " values are not " + rows + " rows of " + columns
          + " (rows at least 0, columns at least 1, values rows × columns)");
    }
    return new FeatureMatrix(null, null, null, values, rows, columns);
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The length of a row. */
  public int columns() {
    return columns;
  }

  /**
   * Copies rows {@code rowIndices} (any order, repeats allowed) into {@code target}: row {@code k} of the result, at
   * {@code k * columns()}, is matrix row {@code rowIndices[k]}.
   *
   * @throws IllegalArgumentException when {@code target} is shorter than {@code rowIndices.length * columns()}
   * @throws IndexOutOfBoundsException naming a row outside {@code [0, rows())}
   * @throws IllegalStateException after {@link #close()}
   */
  public void gather(int[] rowIndices, float[] target) {
    if (target.length < (long) rowIndices.length * columns) {
      throw new IllegalArgumentException("target holds " + target.length + " values, " + rowIndices.length
          + " rows need " + (long) rowIndices.length * columns);
    }
    float[] inMemory = values;
    FloatBuffer[] mapped = shards;
    if (inMemory == null && mapped == null) {
      throw new IllegalStateException("this feature matrix is closed; take another from the store's matrix(keys)");
    }
    for (int k = 0; k < rowIndices.length; k++) {
      int r = Objects.checkIndex(rowIndices[k], rows);
      if (inMemory != null) {
        System.arraycopy(inMemory, r * columns, target, k * columns, columns);
      } else {
        mapped[shardOf[r]].get(rowInShard[r] * columns, target, k * columns, columns);
      }
    }
  }

  /** Lets go of the rows; a later {@link #gather} throws. */
  @Override
  public void close() {
    shards = null;
    values = null;
  }
}
