package org.tune4j.models.backbone;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;
import org.tune4j.models.zoo.ResNetVersion;

/**
 * The bottleneck blocks of a Keras ResNet (v1 or v2) by their Keras names ({@code conv2_block1} … {@code conv5_block3}),
 * in graph order, and a way to write any run of them into a DL4J graph with another layer in place of each
 * BatchNorm: what fine-tuning the top blocks builds on. {@link ResNetGraphBuilder} writes the whole backbone with it.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * List<String> names = ResNetBlocks.names(ResNetArchitecture.resnet50());   // 16 names, conv5_block3 last
 * String cut = ResNetBlocks.inputOf(ResNetArchitecture.resnet50(), 15);    // "conv5_block2_out"
 * }</pre>
 */
public final class ResNetBlocks {
  /** The vertex the first block reads: the stem's max pooling. */
  public static final String STEM_OUTPUT = "pool1_pool";
  /** The suffixes of a block's BatchNorm layers; a block's first one has {@code _0_bn} (its shortcut) too. */
  static final List<String> BN_SUFFIXES = List.of("_0_bn", "_1_bn", "_2_bn", "_3_bn");

  private ResNetBlocks() {}

  /** Every block's Keras name, bottom to top: {@code conv2_block1}, …, the last stage's last block. */
  public static List<String> names(ResNetArchitecture arch) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < arch.blocksPerStage().size(); s++) {
      for (int b = 1; b <= arch.blocksPerStage().get(s); b++) {
        out.add(stageName(s) + "_block" + b);
      }
    }
    return List.copyOf(out);
  }

  /** The Keras name of stage {@code s} (0-based): {@code conv2}, {@code conv3}, …. */
  public static String stageName(int s) {
    return "conv" + (s + 2);
  }

  /**
   * The vertex block {@code index} (0-based, in {@link #names} order) reads: the previous block's {@code _out}, or
   * {@value #STEM_OUTPUT} for the first block.
   */
  public static String inputOf(ResNetArchitecture arch, int index) {
    List<String> names = names(arch);
    if (index < 0 || index >= names.size()) {
      throw new IllegalArgumentException("block index " + index + " is outside 0.." + (names.size() - 1) + " of "
          + arch.name());
    }
    return index == 0 ? STEM_OUTPUT : names.get(index - 1) + "_out";
  }

  /** The names of the layers block {@code block} (a Keras block name) holds that have parameters: convolutions. */
  public static List<String> convolutions(String block, boolean first) {
    List<String> out = new ArrayList<>();
    if (first) {
      out.add(block + "_0_conv");
    }
    out.addAll(List.of(block + "_1_conv", block + "_2_conv", block + "_3_conv"));
    return out;
  }

  /** The names of v1 block {@code block}'s BatchNorm layers. */
  public static List<String> batchNorms(String block, boolean first) {
    List<String> out = new ArrayList<>();
    for (String suffix : BN_SUFFIXES) {
      if (first || !suffix.equals("_0_bn")) {
        out.add(block + suffix);
      }
    }
    return out;
  }

  /** Whether block {@code index} (0-based) is the first of its stage: it has a convolution shortcut. */
  public static boolean isFirstOfStage(ResNetArchitecture arch, int index) {
    return names(arch).get(index).endsWith("_block1");
  }

  /**
   * The BatchNorm layers of blocks {@code from}, …, the last (0-based, {@link #names} order), bottom to top; for a
   * v2 backbone also {@code post_bn}, which follows the last block.
   */
  public static List<String> batchNormsFrom(ResNetArchitecture arch, int from) {
    List<String> names = names(arch);
    List<String> out = new ArrayList<>();
    for (int i = from; i < names.size(); i++) {
      out.addAll(arch.version() == ResNetVersion.V2 ? PreactResNetGraphBuilder.batchNorms(names.get(i))
          : batchNorms(names.get(i), isFirstOfStage(arch, i)));
    }
    if (arch.version() == ResNetVersion.V2) {
      out.add(PreactResNetGraphBuilder.POST_BN);
    }
    return List.copyOf(out);
  }

  /**
   * Adds blocks {@code from}, …, the last (0-based, {@link #names} order) to {@code g}, the first reading vertex
   * {@code input}, each BatchNorm replaced by a layer of {@code norm} under the BatchNorm's name; a v2 backbone's
   * {@code post_bn} and {@code post_relu} follow.
   *
   * @return the name of the last vertex written
   */
  public static String addBlocks(ComputationGraphConfiguration.GraphBuilder g, ResNetArchitecture arch, int from,
      String input, Supplier<? extends Layer> norm) {
    if (arch.version() == ResNetVersion.V2) {
      return PreactResNetGraphBuilder.addBlocks(g, arch, from, input, norm);
    }
    String x = input;
    int index = 0;
    for (int s = 0; s < arch.blocksPerStage().size(); s++) {
      int filters = arch.filtersPerStage().get(s);
      for (int b = 1; b <= arch.blocksPerStage().get(s); b++, index++) {
        if (index >= from) {
          int stride = (b == 1 && s > 0) ? 2 : 1;
          x = block(g, stageName(s) + "_block" + b, x, filters, stride, b == 1, norm);
        }
      }
    }
    return x;
  }

  /** One bottleneck block; returns the name of its output vertex. */
  private static String block(ComputationGraphConfiguration.GraphBuilder g, String name, String in,
      int filters, int stride, boolean convShortcut, Supplier<? extends Layer> norm) {
    String shortcut = in;
    if (convShortcut) {
      conv(g, name + "_0_conv", 1, stride, 4 * filters, in);
      g.addLayer(name + "_0_bn", norm.get(), name + "_0_conv");
      shortcut = name + "_0_bn";
    }
    conv(g, name + "_1_conv", 1, stride, filters, in);
    g.addLayer(name + "_1_bn", norm.get(), name + "_1_conv");
    g.addLayer(name + "_1_relu", new ActivationLayer(Activation.RELU), name + "_1_bn");
    g.addLayer(name + "_2_conv", new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(filters)
        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).hasBias(true).build(),
        name + "_1_relu");
    g.addLayer(name + "_2_bn", norm.get(), name + "_2_conv");
    g.addLayer(name + "_2_relu", new ActivationLayer(Activation.RELU), name + "_2_bn");
    conv(g, name + "_3_conv", 1, 1, 4 * filters, name + "_2_relu");
    g.addLayer(name + "_3_bn", norm.get(), name + "_3_conv");
    g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), shortcut, name + "_3_bn");
    g.addLayer(name + "_out", new ActivationLayer(Activation.RELU), name + "_add");
    return name + "_out";
  }

  private static void conv(ComputationGraphConfiguration.GraphBuilder g, String name, int kernel, int stride,
      int nOut, String in) {
    ResNetGraphBuilder.conv(g, name, kernel, stride, nOut, in);
  }
}
