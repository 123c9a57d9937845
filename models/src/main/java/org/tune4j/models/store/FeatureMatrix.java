package org.tune4j.models.store;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * The feature rows of a data set, in its row order: memory-mapped shards or an in-memory array.
 * {@link #gather} copies just the rows asked for, so a fold's rows are read without loading the
 * whole matrix. Immutable and thread-safe (concurrent gathers are fine).
 */
public final class FeatureMatrix {
  private final ShardStore.Location[] mapped;
  private final float[] values;
  private final int rows;
  private final int columns;

  private FeatureMatrix(ShardStore.Location[] mapped, float[] values, int rows, int columns) {
    this.mapped = mapped;
    this.values = values;
    this.rows = rows;
    this.columns = columns;
  }

  static FeatureMatrix mapped(ShardStore.Location[] rows, int columns) {
    return new FeatureMatrix(rows.clone(), null, rows.length, columns);
  }

  /**
   * A matrix over row-major {@code values} ({@code rows × columns}, not copied: the caller hands them over).
   *
   * @throws IllegalArgumentException when the length does not match
   */
  public static FeatureMatrix inMemory(float[] values, int rows, int columns) {
    Objects.requireNonNull(values, "values");
    if ((long) rows * columns != values.length) {
      throw new IllegalArgumentException(values.length + " values are not " + rows + " rows of " + columns);
    }
    return new FeatureMatrix(null, values, rows, columns);
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
   * Copies rows {@code rowIndices} (repeats allowed) into {@code target}, row after row.
   *
   * @throws IndexOutOfBoundsException naming a row outside {@code [0, rows())}
   */
  public void gather(int[] rowIndices, float[] target) {
    if (target.length < (long) rowIndices.length * columns) {
      throw new IllegalArgumentException("target holds " + target.length + " values, " + rowIndices.length
          + " rows need " + (long) rowIndices.length * columns);
    }
    for (int k = 0; k < rowIndices.length; k++) {
      int r = Objects.checkIndex(rowIndices[k], rows);
      if (values != null) {
        System.arraycopy(values, r * columns, target, k * columns, columns);
      } else {
        FloatBuffer shard = mapped[r].shard();
        shard.get(mapped[r].row() * columns, target, k * columns, columns);
      }
    }
  }
}
