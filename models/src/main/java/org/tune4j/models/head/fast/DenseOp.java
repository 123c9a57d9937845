package org.tune4j.models.head.fast;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense layer {@code a = f(x W + b)}, or the softmax output layer. Weights {@code [nIn, nOut]} are
 * column-major views into the trainer's flat parameter vector (DL4J's layout). When the layer is a
 * member of the wide first-layer product, {@code z} and {@code dz} are column blocks of the shared
 * wide arrays and the product and its weight gradient are computed by {@link HeadPack} for all heads at
 * once. Not thread-safe.
 */
final class DenseOp implements LayerOp {
  private final int nIn;
  private final int nOut;
  private final Act act;
  private final boolean softmax;
  private final INDArray w;
  private final INDArray b;
  private final INDArray dw;
  private final INDArray db;
  private final INDArray bRow; // b as [1, nOut]
  private final INDArray dbColumn; // db as [nOut, 1]
  private final IntFunction<INDArray[]> wide; // rows -> {z, dz} views, or null
  private final Map<Integer, INDArray[]> sets = new HashMap<>();
  private INDArray z;
  private INDArray a;
  private INDArray dz;
  private INDArray tmp;
  private INDArray dIn;
  private INDArray in;
  private INDArray ones;

  DenseOp(int nIn, int nOut, Act act, boolean softmax, INDArray[] paramsAndGrads, IntFunction<INDArray[]> wide) {
    this.nIn = nIn;
    this.nOut = nOut;
    this.act = act;
    this.softmax = softmax;
    this.w = paramsAndGrads[0];
    this.b = paramsAndGrads[1];
    this.dw = paramsAndGrads[2];
    this.db = paramsAndGrads[3];
    this.bRow = Bufs.row(b);
    this.dbColumn = Bufs.column(db);
    this.wide = wide;
  }

  boolean isWide() {
    return wide != null;
  }

  INDArray weights() {
    return w;
  }

  INDArray weightGrads() {
    return dw;
  }

  @Override
  public void prepare(int rows) {
    INDArray[] s = sets.computeIfAbsent(rows, r -> {
      INDArray[] zdz = wide != null ? wide.apply(r) : new INDArray[] {Bufs.f(r, nOut), Bufs.f(r, nOut)};
      INDArray out = softmax || !act.identity() ? Bufs.f(r, nOut) : zdz[0];
      return new INDArray[] {zdz[0], out, zdz[1], Bufs.f(r, nOut), wide != null ? null : Bufs.f(r, nIn), Bufs.ones(r)};
    });
    z = s[0];
    a = s[1];
    dz = s[2];
    tmp = s[3];
    dIn = s[4];
    ones = s[5];
  }

  /** {@code z = x W + b} into this layer's own block (for a wide member outside the shared product). */
  void linear(INDArray x) {
    Nd4j.gemm(x, w, z, false, false, 1.0, 0.0);
    Nd4j.gemm(ones, bRow, z, false, false, 1.0, 1.0); // z += b on every row, cheaper than a broadcast op
  }

  @Override
  public INDArray forward(INDArray x, boolean training, int iteration) {
    in = x;
    if (wide == null) {
      linear(x);
    }
    if (softmax) {
      Nd4j.exec(new SoftMax(z, a, 1));
      return a;
    }
    return act.forward(z, a);
  }

  /**
   * For the output layer {@code gradOut} is the one-hot labels {@code y}: {@code dz = (p - y) / rows} (softmax with
   * cross-entropy, averaged over the batch here rather than over the whole flat gradient).
   */
  @Override
  public INDArray backward(INDArray gradOut, boolean needInputGrad) {
    INDArray d;
    if (softmax) {
      d = a.sub(gradOut, dz).divi(z.rows());
    } else {
      d = act.backward(z, a, gradOut, dz, tmp);
      if (d != dz && wide != null) {
        dz.assign(d);
        d = dz;
      }
    }
    if (wide == null) {
      Nd4j.gemm(in, d, dw, true, false, 1.0, 0.0);
      Nd4j.gemm(d, ones, dbColumn, true, false, 1.0, 0.0); // column sums
    }
    if (!needInputGrad) {
      return null;
    }
    Nd4j.gemm(d, w, dIn, false, true, 1.0, 0.0);
    return dIn;
  }
}
