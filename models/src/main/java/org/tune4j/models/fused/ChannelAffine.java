package org.tune4j.models.fused;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A frozen BatchNorm on its own, optionally with the ReLU after it: {@code x·s + t} per channel with
 * {@code s = γ/√(σ²+ε)} and {@code t = β − μ·s}. ResNet v2's {@code preact_bn} and {@code post_bn} are
 * these: the pre-activation cannot fold into the convolution before it, because the identity
 * shortcut needs that convolution's raw output. Immutable; see {@link FusedStep} for threads.
 */
final class ChannelAffine implements FusedStep {
  private final INDArray scale;
  private final INDArray shift;
  private final boolean relu;

  private ChannelAffine(INDArray scale, INDArray shift, boolean relu) {
    this.scale = scale;
    this.shift = shift;
    this.relu = relu;
  }

  /** The BatchNorm layer {@code bnName} of {@code graph}, followed by a ReLU when {@code relu}. */
  static ChannelAffine of(ComputationGraph graph, String bnName, boolean relu) {
    Layer bn = graph.getLayer(bnName);
    double eps = ((BatchNormalization) bn.conf().getLayer()).getEps();
    INDArray scale = Transforms.sqrt(bn.getParam("var").reshape(-1).add(eps), false)
        .rdivi(bn.getParam("gamma").reshape(-1));
    INDArray shift = bn.getParam("beta").reshape(-1).sub(bn.getParam("mean").reshape(-1).mul(scale));
    return new ChannelAffine(scale.castTo(DataType.FLOAT), shift.castTo(DataType.FLOAT), relu);
  }

  /** A new array {@code relu(x·s + t)} (or without the ReLU); {@code x} is left as it was. */
  @Override
  public INDArray apply(INDArray x) {
    long channels = x.size(3);
    INDArray flat = x.dup('c').reshape('c', x.length() / channels, channels);
    flat.muliRowVector(scale).addiRowVector(shift);
    INDArray out = flat.reshape('c', x.shape());
    return relu ? Transforms.relu(out, false) : out;
  }
}
