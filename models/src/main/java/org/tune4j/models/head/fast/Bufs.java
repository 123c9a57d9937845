package org.tune4j.models.head.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Allocation and views of the fast trainer's float arrays. Stateless. */
final class Bufs {
  private Bufs() {}

  /** A zeroed column-major {@code [rows, cols]} float matrix. */
  static INDArray f(int rows, int cols) {
    return Nd4j.create(DataType.FLOAT, new long[] {rows, cols}, 'f');
  }

  /** A {@code [rows, 1]} column of ones: multiplied with a bias row it adds the bias to every row in one GEMM. */
  static INDArray ones(int rows) {
    return f(rows, 1).assign(1);
  }

  /** The float values of an own (not a view) array, in its memory order. */
  static java.nio.FloatBuffer floats(INDArray own) {
    if (own.isView()) {
      throw new IllegalArgumentException("an own array is needed here, not a view");
    }
    return own.data().asNio().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** Columns {@code [from, from + n)} of a matrix, a view. */
  static INDArray columns(INDArray m, int from, int n) {
    return m.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + n));
  }

  /** A zeroed float vector of {@code n} elements. */
  static INDArray vec(long n) {
    return Nd4j.create(DataType.FLOAT, n);
  }

  /** A view of {@code len} elements of the flat vector {@code flat} from {@code from}. */
  static INDArray seg(INDArray flat, long from, long len) {
    return flat.get(NDArrayIndex.interval(from, from + len));
  }

  /**
   * A column-major {@code [n, 1]} view of a vector, to be a GEMM output: ND4J's GEMM into a row-major view is
   * several times slower and also slows the GEMM after it (measured: 1.8 ms instead of 0.5 ms for the pair).
   */
  static INDArray column(INDArray vector) {
    return vector.reshape('f', vector.length(), 1);
  }

  /** A column-major {@code [1, n]} view of a vector. */
  static INDArray row(INDArray vector) {
    return vector.reshape('f', 1, vector.length());
  }

  /** A column-major {@code [rows, cols]} view of the flat vector {@code flat} from {@code from}, DL4J's weight layout. */
  static INDArray mat(INDArray flat, long from, int rows, int cols) {
    return seg(flat, from, (long) rows * cols).reshape('f', rows, cols);
  }
}
