package org.tune4j.models.backbone;

import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Writes the body of a Keras ResNet v2 ({@code keras.applications.resnet_v2}: pre-activation blocks)
 * after its stem convolution: {@code pool1}, the stages of Keras' {@code stack2}, then
 * {@code post_bn} and {@code post_relu}, with Keras' layer names.
 *
 * <p>Block {@code conv<s>_block<i>}: {@code preact_bn} + {@code preact_relu} of the input; the
 * shortcut is {@code 0_conv} (1×1, biased) of the pre-activation in block 1, a 1×1 max-pool of
 * stride 2 of the raw input in a strided block ({@code 0_pool}: Keras leaves it unnamed; it has no
 * weights), the raw input otherwise; then {@code 1_conv} (1×1, no bias) + {@code 1_bn} +
 * {@code 1_relu}, {@code 2_pad} + {@code 2_conv} (3×3, the block's stride, no bias) + {@code 2_bn}
 * + {@code 2_relu}, {@code 3_conv} (1×1, biased), {@code out} = shortcut + {@code 3_conv}, without
 * ReLU. The last block of every stage but the last has stride 2. Stateless.
 */
final class PreactResNetGraphBuilder {
  private PreactResNetGraphBuilder() {}

  /** Adds {@code pool1}, the stages and {@code post_bn}/{@code post_relu} after {@code stem}; returns {@code post_relu}. */
  static String body(ComputationGraphConfiguration.GraphBuilder g, ResNetArchitecture arch, String stem) {
    return addBlocks(g, arch, 0, ResNetGraphBuilder.pool1(g, stem), ResNetGraphBuilder::batchNorm);
  }

  /**
   * Adds blocks {@code from}, …, the last (0-based, Keras order), the first reading vertex {@code input}, then
   * {@code post_bn} and {@code post_relu}, each BatchNorm a layer of {@code norm} under the BatchNorm's name;
   * returns {@code post_relu}.
   */
  static String addBlocks(ComputationGraphConfiguration.GraphBuilder g, ResNetArchitecture arch, int from,
      String input, Supplier<? extends Layer> norm) {
    String x = input;
    int stages = arch.blocksPerStage().size();
    int index = 0;
    for (int s = 0; s < stages; s++) {
      int blocks = arch.blocksPerStage().get(s);
      for (int b = 1; b <= blocks; b++, index++) {
        if (index >= from) {
          int stride = (b == blocks && s < stages - 1) ? 2 : 1;
          x = block(g, "conv" + (s + 2) + "_block" + b, x, arch.filtersPerStage().get(s), stride, b == 1, norm);
        }
      }
    }
    g.addLayer(POST_BN, norm.get(), x);
    g.addLayer("post_relu", new ActivationLayer(Activation.RELU), POST_BN);
    return "post_relu";
  }

  /** The BatchNorm after the last block. */
  static final String POST_BN = "post_bn";

  /** The BatchNorm layers of a v2 block: its pre-activation, then those of its 1×1 and 3×3 convolutions. */
  static List<String> batchNorms(String block) {
    return List.of(block + "_preact_bn", block + "_1_bn", block + "_2_bn");
  }

  /** One pre-activation bottleneck block; returns the name of its output vertex. */
  private static String block(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int filters,
      int stride, boolean convShortcut, Supplier<? extends Layer> norm) {
    g.addLayer(name + "_preact_bn", norm.get(), in);
    g.addLayer(name + "_preact_relu", new ActivationLayer(Activation.RELU), name + "_preact_bn");
    String preact = name + "_preact_relu";
    String shortcut = in;
    if (convShortcut) {
      ResNetGraphBuilder.conv(g, name + "_0_conv", 1, stride, 4 * filters, preact);
      shortcut = name + "_0_conv";
    } else if (stride > 1) {
      g.addLayer(name + "_0_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, 1)
          .stride(stride, stride).build(), in);
      shortcut = name + "_0_pool";
    }
    ResNetGraphBuilder.conv(g, name + "_1_conv", 1, 1, filters, false, preact);
    g.addLayer(name + "_1_bn", norm.get(), name + "_1_conv");
    g.addLayer(name + "_1_relu", new ActivationLayer(Activation.RELU), name + "_1_bn");
    g.addLayer(name + "_2_pad", new ZeroPaddingLayer.Builder(1, 1).build(), name + "_1_relu");
    ResNetGraphBuilder.conv(g, name + "_2_conv", 3, stride, filters, false, name + "_2_pad");
    g.addLayer(name + "_2_bn", norm.get(), name + "_2_conv");
    g.addLayer(name + "_2_relu", new ActivationLayer(Activation.RELU), name + "_2_bn");
    ResNetGraphBuilder.conv(g, name + "_3_conv", 1, 1, 4 * filters, name + "_2_relu");
    g.addVertex(name + "_out", new ElementWiseVertex(ElementWiseVertex.Op.Add), shortcut, name + "_3_conv");
    return name + "_out";
  }
}
