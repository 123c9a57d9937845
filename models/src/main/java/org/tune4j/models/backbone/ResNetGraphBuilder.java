package org.tune4j.models.backbone;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.tune4j.models.zoo.ResNetVersion;

/**
 * Writes a Keras ResNet topology as a DL4J {@link ComputationGraphConfiguration}, with Keras' layer
 * names ({@code conv1_conv}, {@code conv2_block1_0_conv}, …), strides, padding, biases and BatchNorm
 * epsilon {@value #BN_EPSILON}. Writes v1 itself ({@code same} 3×3 convolutions, every convolution
 * biased); a v2 architecture's body comes from {@link PreactResNetGraphBuilder}.
 *
 * <p>Layout is NCHW (DL4J's default); weights from Keras' HWIO kernels are permuted on load.
 * Stateless; used by {@link Backbone}.
 */
final class ResNetGraphBuilder {
  /** Keras' BatchNormalization epsilon in ResNet50. */
  static final double BN_EPSILON = 1.001e-5;
  /** Keras' BatchNormalization momentum. */
  static final double BN_MOMENTUM = 0.99;
  /** The graph's input name. */
  static final String INPUT = "input";

  private ResNetGraphBuilder() {}

  static ComputationGraphConfiguration build(ResNetArchitecture arch, Pooling pooling, int height, int width,
      long seed) {
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new NoOp())
        .convolutionMode(ConvolutionMode.Truncate)
        .graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.convolutional(height, width, 3));
    g.addLayer("conv1_pad", new ZeroPaddingLayer.Builder(3, 3).build(), INPUT);
    conv(g, "conv1_conv", 7, 2, arch.stemFilters(), "conv1_pad");
    String x = arch.version() == ResNetVersion.V2 ? PreactResNetGraphBuilder.body(g, arch, "conv1_conv")
        : body(g, arch, "conv1_conv");
    if (pooling == Pooling.AVG) {
      g.addLayer("avg_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
      x = "avg_pool";
    } else if (pooling == Pooling.MAX) {
      g.addLayer("max_pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), x);
      x = "max_pool";
    }
    return g.setOutputs(x).build();
  }

  /** Stem BatchNorm and ReLU, {@code pool1}, then the v1 stages; returns the name of the last vertex. */
  private static String body(ComputationGraphConfiguration.GraphBuilder g, ResNetArchitecture arch, String stem) {
    g.addLayer("conv1_bn", batchNorm(), stem);
    g.addLayer("conv1_relu", new ActivationLayer(Activation.RELU), "conv1_bn");
    return ResNetBlocks.addBlocks(g, arch, 0, pool1(g, "conv1_relu"), ResNetGraphBuilder::batchNorm);
  }

  /** {@code pool1_pad} (zeros, 1 each side) and {@code pool1_pool} (max 3×3, stride 2); returns the pool's name. */
  static String pool1(ComputationGraphConfiguration.GraphBuilder g, String in) {
    g.addLayer("pool1_pad", new ZeroPaddingLayer.Builder(1, 1).build(), in);
    g.addLayer("pool1_pool", new SubsamplingLayer.Builder(PoolingType.MAX)
        .kernelSize(3, 3).stride(2, 2).build(), "pool1_pad");
    return "pool1_pool";
  }

  /** A biased convolution of Keras' {@code valid} padding. */
  static void conv(ComputationGraphConfiguration.GraphBuilder g, String name, int kernel, int stride, int nOut,
      String in) {
    conv(g, name, kernel, stride, nOut, true, in);
  }

  /** A convolution of Keras' {@code valid} padding, with or without a bias. */
  static void conv(ComputationGraphConfiguration.GraphBuilder g, String name, int kernel, int stride, int nOut,
      boolean bias, String in) {
    g.addLayer(name, new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(nOut)
        .activation(Activation.IDENTITY).hasBias(bias).build(), in);
  }

  /** Keras' BatchNormalization in DL4J: epsilon {@value #BN_EPSILON}, plain mean and variance parameters. */
  static BatchNormalization batchNorm() {
    return new BatchNormalization.Builder().eps(BN_EPSILON).decay(BN_MOMENTUM).useLogStd(false).build();
  }
}
