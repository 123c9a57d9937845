package org.tune4j.models.head.fast;

import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J dropout that draws its masks from {@link DropoutMasks#bernoulli()} exactly as the fast trainer does
 * (same seed, layer index and iteration, column-major), so DL4J and the fast trainer can be compared with
 * dropout on.
 */
final class SameMasks implements IDropout {
  private static final long serialVersionUID = 1L;
  private final double retain;
  private final long seed;
  private final int layer;
  private transient INDArray mask;

  SameMasks(double rate, long seed, int layer) {
    this.retain = 1 - rate;
    this.seed = seed;
    this.layer = layer;
  }

  @Override
  public INDArray applyDropout(INDArray input, INDArray result, int iteration, int epoch, LayerWorkspaceMgr mgr) {
    float[] values = new float[(int) input.length()];
    DropoutMasks.bernoulli().fill(values, 0, values.length, retain, seed, layer, iteration);
    try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      mask = Nd4j.create(values, input.shape(), 'f').castTo(DataType.FLOAT); // kept until backprop
    }
    return result.assign(input.mul(mask));
  }

  @Override
  public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
    return gradAtInput.assign(gradAtOutput.mul(mask));
  }

  @Override
  public void clear() {
    mask = null;
  }

  @Override
  public IDropout clone() {
    return new SameMasks(1 - retain, seed, layer);
  }
}
