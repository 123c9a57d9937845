package org.tune4j.models.fused;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tune4j.models.backbone.ResNetArchitecture;

/**
 * A fused ResNet v2 (pre-activation) bottleneck block: {@code p = relu(preact_bn(x))}, then
 * {@code conv3(conv2(conv1(p))) + shortcut}, no ReLU after the sum. The shortcut is {@code 0_conv(p)}
 * in block 1, every {@code stride}-th pixel of {@code x} in a strided block (Keras' 1×1 max-pool),
 * {@code x} itself otherwise. {@code 1_bn} and {@code 2_bn} are folded into their convolutions;
 * {@link #steps} is the whole v2 plan, closing with {@code post_bn} + {@code post_relu}. Immutable;
 * see {@link FusedStep} for threads.
 *
 * @param preact {@code preact_bn} + {@code preact_relu}
 * @param shortcut {@code 0_conv} of block 1, or null
 * @param stride the block's stride: 2 in the last block of every stage but the last, else 1
 * @param conv1 {@code 1_conv} + {@code 1_bn} + ReLU
 * @param conv2 {@code 2_conv} (padding 1, the block's stride) + {@code 2_bn} + ReLU
 * @param conv3 {@code 3_conv}, with its bias
 */
record BottleneckV2(ChannelAffine preact, FusedConv shortcut, int stride, FusedConv conv1, FusedConv conv2,
    FusedConv conv3) implements FusedStep {
  /** The stem, every block and the closing BatchNorm and ReLU of a v2 graph with Keras' layer names. */
  static List<FusedStep> steps(ComputationGraph g, ResNetArchitecture arch, long h, long w) {
    List<FusedStep> steps = new ArrayList<>();
    steps.add(new FusedStem(FusedConv.plain(g, "conv1_conv", 3, false, h, w), true));
    h = FusedResNet.halve(FusedResNet.halve(h));   // conv1 (7×7, stride 2, pad 3), then pool1 (3×3, stride 2, pad 1)
    w = FusedResNet.halve(FusedResNet.halve(w));
    int stages = arch.blocksPerStage().size();
    for (int s = 0; s < stages; s++) {
      int blocks = arch.blocksPerStage().get(s);
      for (int b = 1; b <= blocks; b++) {
        String n = "conv" + (s + 2) + "_block" + b;
        int stride = (b == blocks && s < stages - 1) ? 2 : 1;
        long inH = h;
        long inW = w;
        if (stride > 1) {
          h = FusedResNet.halve(h);
          w = FusedResNet.halve(w);
        }
        steps.add(new BottleneckV2(ChannelAffine.of(g, n + "_preact_bn", true),
            b == 1 ? FusedConv.plain(g, n + "_0_conv", 0, false, inH, inW) : null, stride,
            FusedConv.fold(g, n + "_1_conv", n + "_1_bn", 0, true, inH, inW),
            FusedConv.fold(g, n + "_2_conv", n + "_2_bn", 1, true, inH, inW),
            FusedConv.plain(g, n + "_3_conv", 0, false, h, w)));
      }
    }
    steps.add(ChannelAffine.of(g, "post_bn", true));
    return steps;
  }

  @Override
  public INDArray apply(INDArray x) {
    INDArray p = preact.apply(x);
    INDArray s = shortcut != null ? shortcut.apply(p) : stride > 1 ? subsample(x, stride) : x;
    INDArray y = conv3.apply(conv2.apply(conv1.apply(p)));
    return y.addi(s);
  }

  /** Every {@code stride}-th pixel from the first, as Keras' {@code MaxPooling2D(1, strides=stride)} keeps. */
  private static INDArray subsample(INDArray x, int stride) {
    return x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, stride, x.size(1)),
        NDArrayIndex.interval(0, stride, x.size(2)), NDArrayIndex.all()).dup('c');
  }
}
