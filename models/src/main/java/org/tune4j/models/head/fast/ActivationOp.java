package org.tune4j.models.head.fast;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A separate activation layer. Not thread-safe. */
final class ActivationOp implements LayerOp {
  private final int width;
  private final Act act;
  private final Map<Integer, INDArray[]> sets = new HashMap<>();
  private INDArray a;
  private INDArray dIn;
  private INDArray tmp;
  private INDArray in;
  private INDArray out;

  ActivationOp(int width, Act act) {
    this.width = width;
    this.act = act;
  }

  @Override
  public void prepare(int rows) {
    INDArray[] s = sets.computeIfAbsent(rows, r -> new INDArray[] {Bufs.f(r, width), Bufs.f(r, width), Bufs.f(r, width)});
    a = s[0];
    dIn = s[1];
    tmp = s[2];
  }

  @Override
  public INDArray forward(INDArray x, boolean training, int iteration) {
    in = x;
    out = act.forward(x, a);
    return out;
  }

  @Override
  public INDArray backward(INDArray gradOut, boolean needInputGrad) {
    return needInputGrad ? act.backward(in, out, gradOut, dIn, tmp) : null;
  }
}
