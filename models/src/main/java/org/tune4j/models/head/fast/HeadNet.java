package org.tune4j.models.head.fast;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One head inside a {@link HeadPack}: its layers in order, the last one the softmax output. Not thread-safe.
 */
final class HeadNet {
  private final List<LayerOp> ops;
  private final DenseOp output;
  private final DenseOp wideFirst; // null when the first layer is not in the wide product

  HeadNet(List<LayerOp> ops) {
    this.ops = List.copyOf(ops);
    this.output = (DenseOp) ops.get(ops.size() - 1);
    this.wideFirst = ops.get(0) instanceof DenseOp d && d.isWide() ? d : null;
  }

  void prepare(int rows) {
    for (LayerOp op : ops) {
      op.prepare(rows);
    }
  }

  /**
   * Forward pass; returns the class probabilities. {@code wideDone}: the pack has already computed this
   * head's first linear block in the wide product.
   */
  INDArray forward(INDArray x, boolean training, int iteration, boolean wideDone) {
    if (wideFirst != null && !wideDone) {
      wideFirst.linear(x);
    }
    INDArray a = x;
    for (LayerOp op : ops) {
      a = op.forward(a, training, iteration);
    }
    return a;
  }

  /** Backward pass from one-hot labels; the first layer gives no input gradient. */
  void backward(INDArray labels) {
    INDArray g = output.backward(labels, ops.size() > 1);
    for (int i = ops.size() - 2; i >= 0; i--) {
      g = ops.get(i).backward(g, i > 0);
    }
  }
}
