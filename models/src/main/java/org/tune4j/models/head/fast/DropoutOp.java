package org.tune4j.models.head.fast;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Inverted dropout at Keras' rate: identity at inference. Not thread-safe. */
final class DropoutOp implements LayerOp {
  private final int width;
  private final double retain;
  private final long seed;
  private final int layer;
  private final DropoutMasks masks;
  private final Map<Integer, INDArray[]> sets = new HashMap<>();
  private INDArray mask;
  private float[] values;
  private INDArray out;
  private INDArray dIn;

  DropoutOp(int width, double rate, long seed, int layer, DropoutMasks masks) {
    this.width = width;
    this.retain = 1 - rate;
    this.seed = seed;
    this.layer = layer;
    this.masks = masks;
  }

  @Override
  public void prepare(int rows) {
    INDArray[] s = sets.computeIfAbsent(rows, r -> new INDArray[] {Bufs.f(r, width), Bufs.f(r, width), Bufs.f(r, width)});
    mask = s[0];
    if (values == null || values.length != mask.length()) {
      values = new float[(int) mask.length()];
    }
    out = s[1];
    dIn = s[2];
  }

  @Override
  public INDArray forward(INDArray in, boolean training, int iteration) {
    if (!training) {
      return in;
    }
    masks.fill(values, 0, values.length, retain, seed, layer, iteration);
    DropoutMasks.write(mask, values);
    return in.mul(mask, out);
  }

  @Override
  public INDArray backward(INDArray gradOut, boolean needInputGrad) {
    return needInputGrad ? gradOut.mul(mask, dIn) : null;
  }
}
