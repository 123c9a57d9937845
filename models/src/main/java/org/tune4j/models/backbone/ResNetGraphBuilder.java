package org.tune4j.models.backbone;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Writes a Keras ResNet (v1) topology as a DL4J {@link ComputationGraphConfiguration}, with Keras'
 * layer names ({@code conv1_conv}, {@code conv2_block1_0_conv}, …), strides, {@code same} 3×3
 * convolutions, biased convolutions and BatchNorm epsilon {@value #BN_EPSILON}.
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
    ResNetBlocks.conv(g, "conv1_conv", 7, 2, arch.stemFilters(), "conv1_pad");
    g.addLayer("conv1_bn", batchNorm(), "conv1_conv");
    g.addLayer("conv1_relu", new ActivationLayer(Activation.RELU), "conv1_bn");
    g.addLayer("pool1_pad", new ZeroPaddingLayer.Builder(1, 1).build(), "conv1_relu");
    g.addLayer("pool1_pool", new SubsamplingLayer.Builder(PoolingType.MAX)
        .kernelSize(3, 3).stride(2, 2).build(), "pool1_pad");
    String x = ResNetBlocks.addBlocks(g, arch, 0, ResNetBlocks.STEM_OUTPUT, ResNetGraphBuilder::batchNorm);
    if (pooling == Pooling.AVG) {
      g.addLayer("avg_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
      x = "avg_pool";
    } else if (pooling == Pooling.MAX) {
      g.addLayer("max_pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), x);
      x = "max_pool";
    }
    return g.setOutputs(x).build();
  }

  static BatchNormalization batchNorm() {
    return new BatchNormalization.Builder().eps(BN_EPSILON).decay(BN_MOMENTUM).useLogStd(false).build();
  }
}
