package org.tune4j.models.fused;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.tune4j.models.backbone.ResNetArchitecture;

/**
 * A fused ResNet v1 bottleneck block: {@code relu(conv3(conv2(conv1(x))) + shortcut(x))}, every
 * BatchNorm folded into its convolution; {@link #steps} is the whole v1 plan. Immutable; see
 * {@link FusedStep} for threads.
 *
 * @param shortcut {@code 0_conv} + {@code 0_bn} of block 1, or null for the identity
 * @param conv1 {@code 1_conv} + {@code 1_bn} + ReLU (carries the stage's stride)
 * @param conv2 {@code 2_conv} + {@code 2_bn} + ReLU
 * @param conv3 {@code 3_conv} + {@code 3_bn}
 */
record BottleneckV1(FusedConv shortcut, FusedConv conv1, FusedConv conv2, FusedConv conv3) implements FusedStep {
  /** The stem and every block of a v1 graph with Keras' layer names, for inputs of {@code h}×{@code w}. */
  static List<FusedStep> steps(ComputationGraph g, ResNetArchitecture arch, long h, long w) {
    List<FusedStep> steps = new ArrayList<>();
    steps.add(new FusedStem(FusedConv.fold(g, "conv1_conv", "conv1_bn", 3, true, h, w), false));
    h = FusedResNet.halve(FusedResNet.halve(h));   // conv1 (7×7, stride 2, pad 3), then pool1 (3×3, stride 2, pad 1)
    w = FusedResNet.halve(FusedResNet.halve(w));
    for (int s = 0; s < arch.blocksPerStage().size(); s++) {
      for (int b = 1; b <= arch.blocksPerStage().get(s); b++) {
        String n = "conv" + (s + 2) + "_block" + b;
        long inH = h;
        long inW = w;
        if (b == 1 && s > 0) {
          h = FusedResNet.halve(h);
          w = FusedResNet.halve(w);
        }
        FusedConv shortcut = b == 1 ? FusedConv.fold(g, n + "_0_conv", n + "_0_bn", 0, false, inH, inW) : null;
        steps.add(new BottleneckV1(shortcut,
            FusedConv.fold(g, n + "_1_conv", n + "_1_bn", 0, true, inH, inW),
            FusedConv.fold(g, n + "_2_conv", n + "_2_bn", 1, true, h, w),
            FusedConv.fold(g, n + "_3_conv", n + "_3_bn", 0, false, h, w)));
      }
    }
    return steps;
  }

  @Override
  public INDArray apply(INDArray x) {
    INDArray s = shortcut == null ? x : shortcut.apply(x);
    INDArray y = conv3.apply(conv2.apply(conv1.apply(x)));
    return Transforms.relu(y.addi(s), false);
  }
}
