package org.tune4j.models.finetune;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.backbone.ResNetBlocks;
import org.tune4j.models.head.HeadInput;

/**
 * Builds the DL4J graph a fine-tune trains: the unfrozen blocks (reading the cached output of the last frozen block),
 * the backbone's pooling, the head's reduction, the head's layers and its softmax output, warm-started from the
 * backbone's and the fitted head's weights.
 *
 * <p>BatchNorm stays in inference mode: each BatchNorm of the unfrozen blocks becomes its inference-mode map, the
 * per-channel affine {@code x·γ/√(σ²+ε) + β − μ·γ/√(σ²+ε)}, as a 1×1 depthwise convolution wrapped in DL4J's
 * {@link FrozenLayerWithBackprop} (no update, gradient passed through exactly). DL4J's own BatchNorm cannot do this:
 * wrapped in a frozen layer it runs forward on the moving statistics, but its backward pass is the training-mode one,
 * which needs a training-mode forward pass's minibatch statistics (in 1.0.0-M2.1 it fails with a workspace error;
 * {@code FrozenBatchNormGradientTest}). Stateless.
 */
final class TopGraph {
  /** The graph's input: the output of the last frozen block. */
  static final String INPUT = "frozen_output";
  /** Name of the global pooling vertex the head's reduction adds. */
  static final String POOL = "head_pool";
  /** Name of the softmax output layer. */
  static final String OUTPUT = "head_output";

  private TopGraph() {}

  /**
   * A built graph.
   *
   * @param graph the initialised, warm-started graph
   * @param convolutions the unfrozen convolutions' names
   * @param headLayers the head's layer names in the order of its network, output last
   */
  record Built(ComputationGraph graph, List<String> convolutions, List<String> headLayers) {
    Built {
      convolutions = List.copyOf(convolutions);
      headLayers = List.copyOf(headLayers);
    }
  }

  /**
   * Builds the graph of blocks {@code firstBlock} … the top of {@code backbone} and the head {@code head}, every
   * trained layer with {@code updater}.
   *
   * @param cutShape one image's cached activation, {@code [channels, h, w]}
   */
  static Built build(BackboneNetwork backbone, MultiLayerNetwork head, HeadInput reduction, int firstBlock,
      IUpdater updater, long seed, long[] cutShape) {
    ResNetArchitecture arch = backbone.spec().architecture();
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(updater)
        .convolutionMode(ConvolutionMode.Truncate)
        .graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.convolutional(cutShape[1], cutShape[2], cutShape[0]));
    String x = ResNetBlocks.addBlocks(g, arch, firstBlock, INPUT, () -> inferenceNorm(0));
    long[] out = backbone.outputShape();
    if (backbone.spec().pooling() != Pooling.NONE) {
      String name = backbone.spec().pooling() == Pooling.AVG ? "avg_pool" : "max_pool";
      g.addLayer(name, new GlobalPoolingLayer.Builder(type(backbone.spec().pooling())).build(), x);
      x = name;
    } else if (reduction != HeadInput.FLATTEN) {
      PoolingType type = reduction == HeadInput.GLOBAL_AVERAGE_POOLING ? PoolingType.AVG : PoolingType.MAX;
      g.addLayer(POOL, new GlobalPoolingLayer.Builder(type).build(), x);
      x = POOL;
    }
    boolean flatten = out.length == 3 && reduction == HeadInput.FLATTEN;
    List<String> names = new ArrayList<>();
    int n = head.getnLayers();
    for (int i = 0; i < n; i++) {
      String name = i == n - 1 ? OUTPUT : "head_" + i;
      Layer layer = headLayer(head, i, updater);
      if (i == 0 && flatten) {
        g.addLayer(name, layer, new CnnToFeedForwardPreProcessor(out[1], out[2], out[0]), x);
      } else {
        g.addLayer(name, layer, x);
      }
      names.add(name);
      x = name;
    }
    ComputationGraph graph = new ComputationGraph(g.setOutputs(OUTPUT).build());
    graph.init();
    List<String> convolutions = warmStart(graph, backbone.graph(), arch, firstBlock);
    for (int i = 0; i < n; i++) {
      if (head.getLayer(i).numParams() > 0) {
        graph.getLayer(names.get(i)).setParams(head.getLayer(i).params().dup());
      }
    }
    return new Built(graph, convolutions, names);
  }

  /**
   * Layer {@code i} of a fitted head's network as a fresh configuration trained with {@code updater} (its
   * regularization and dropout kept).
   */
  static Layer headLayer(MultiLayerNetwork head, int i, IUpdater updater) {
    Layer layer = head.getLayerWiseConfigurations().getConf(i).getLayer().clone();
    if (layer instanceof BaseLayer b) {
      b.setIUpdater(updater.clone());
      b.setBiasUpdater(null);
    }
    return layer;
  }

  /**
   * A BatchNorm's inference-mode map as a frozen 1×1 depthwise convolution (weights set by {@link #copyNorm}); its
   * channel count is inferred from the graph's input types when {@code channels} is 0.
   */
  static Layer inferenceNorm(long channels) {
    DepthwiseConvolution2D.Builder b = new DepthwiseConvolution2D.Builder(1, 1).stride(1, 1).depthMultiplier(1)
        .hasBias(true).activation(Activation.IDENTITY);
    if (channels > 0) {
      b.nIn(channels).nOut(channels);
    }
    return new FrozenLayerWithBackprop(b.build());
  }

  /** Sets {@code target}, an {@link #inferenceNorm}, to BatchNorm {@code source}'s inference-mode map. */
  static void copyNorm(org.deeplearning4j.nn.api.Layer source, org.deeplearning4j.nn.api.Layer target) {
    double eps = ((BatchNormalization) source.conf().getLayer()).getEps();
    INDArray gamma = source.getParam("gamma").castTo(DataType.DOUBLE);
    INDArray beta = source.getParam("beta").castTo(DataType.DOUBLE);
    INDArray mean = source.getParam("mean").castTo(DataType.DOUBLE);
    INDArray var = source.getParam("var").castTo(DataType.DOUBLE);
    INDArray scale = gamma.div(Transforms.sqrt(var.add(eps), false));
    INDArray shift = beta.sub(mean.mul(scale));
    INDArray w = target.getParam("W");
    INDArray b = target.getParam("b");
    w.assign(scale.castTo(w.dataType()).reshape('c', w.shape()));
    b.assign(shift.castTo(b.dataType()).reshape('c', b.shape()));
  }

  /** Copies the unfrozen blocks' convolutions and BatchNorm maps from the backbone; returns the convolutions. */
  private static List<String> warmStart(ComputationGraph graph, ComputationGraph base, ResNetArchitecture arch,
      int firstBlock) {
    List<String> blocks = ResNetBlocks.names(arch);
    List<String> convolutions = new ArrayList<>();
    for (int i = firstBlock; i < blocks.size(); i++) {
      for (String conv : ResNetBlocks.convolutions(blocks.get(i), ResNetBlocks.isFirstOfStage(arch, i))) {
        graph.getLayer(conv).setParams(base.getLayer(conv).params().dup());
        convolutions.add(conv);
      }
    }
    for (String bn : ResNetBlocks.batchNormsFrom(arch, firstBlock)) {
      copyNorm(base.getLayer(bn), graph.getLayer(bn));
    }
    return convolutions;
  }

  private static PoolingType type(Pooling pooling) {
    return pooling == Pooling.AVG ? PoolingType.AVG : PoolingType.MAX;
  }
}
