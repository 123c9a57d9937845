package org.tune4j.models.transfer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.head.Activations;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.head.HeadLayer;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;

/**
 * Builds the whole DL4J {@link ComputationGraph} of a {@link TransferModel}: the backbone's graph
 * (trainable with the fit's updater, or frozen with DL4J's frozen layers), the reduction (flatten
 * or global pooling), the head layers and the softmax output — the layers {@link HeadTrainer}
 * builds, with the same initial weights, so a frozen model starts where the fast path starts.
 * Stateless.
 */
final class WholeGraphBuilder {
  /** Name of the global pooling vertex after a 4-D backbone output. */
  static final String POOL = "head_pool";
  /** Name of the softmax output layer. */
  static final String OUTPUT = "head_output";

  private WholeGraphBuilder() {}

  /**
   * A built graph.
   *
   * @param graph the initialised graph, ready to fit
   * @param backboneOutput the name of the backbone's last vertex
   * @param headLayers the head's layer names in the order of {@link HeadTrainer}'s network, output last
   */
  record Built(ComputationGraph graph, String backboneOutput, List<String> headLayers) {
    Built {
      headLayers = List.copyOf(headLayers);
    }
  }

  /** Builds {@code model}'s whole graph for {@code nClasses} classes. */
  static Built build(TransferModel model, int nClasses) {
    BackboneNetwork backbone = model.backbone().build();
    ComputationGraph base = backbone.graph();
    String last = base.getConfiguration().getNetworkOutputs().get(0);
    FitSpec fit = model.fit();
    TransferLearning.GraphBuilder g = new TransferLearning.GraphBuilder(base)
        .fineTuneConfiguration(new FineTuneConfiguration.Builder()
            .updater(fit.updater()).seed(fit.seed()).build());
    if (model.frozenBackbone()) {
      g.setFeatureExtractor(last);
    }
    long[] shape = backbone.outputShape();
    HeadSpec head = model.head();
    String input = last;
    InputPreProcessor flatten = null;
    int width;
    if (shape.length == 1) {
      if (head.input() != HeadInput.FLATTEN) {
        throw new IllegalArgumentException("the head's " + head.input() + " needs a 4-D backbone output, but the"
            + " backbone already pools (" + model.backbone().pooling() + "); use a flatten head or backbone pooling NONE");
      }
      width = (int) shape[0];
    } else if (head.input() == HeadInput.FLATTEN) {
      flatten = new CnnToFeedForwardPreProcessor(shape[1], shape[2], shape[0]);
      width = (int) (shape[0] * shape[1] * shape[2]);
    } else {
      PoolingType type = head.input() == HeadInput.GLOBAL_AVERAGE_POOLING ? PoolingType.AVG : PoolingType.MAX;
      g.addLayer(POOL, new GlobalPoolingLayer.Builder(type).build(), input);
      input = POOL;
      width = (int) shape[0];
    }
    int nIn = width;
    List<String> names = new ArrayList<>();
    for (HeadLayer layer : head.layers()) {
      Layer l = layer(layer, width);
      if (l == null) {
        continue;
      }
      HeadTrainer.regularize(l, fit);
      String name = "head_" + names.size();
      add(g, name, l, flatten, input);
      flatten = null;
      names.add(name);
      input = name;
      width = layer instanceof HeadLayer.Dense d ? d.units() : width;
    }
    Layer output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width).nOut(nClasses)
        .activation(Activation.SOFTMAX).build();
    HeadTrainer.regularize(output, fit);
    add(g, OUTPUT, output, flatten, input);
    names.add(OUTPUT);
    ComputationGraph graph = g.setOutputs(OUTPUT).build();
    copyInitialHead(graph, names, HeadTrainer.configuration(head, fit, nIn, nClasses));
    return new Built(graph, last, names);
  }

  private static void add(TransferLearning.GraphBuilder g, String name, Layer layer, InputPreProcessor pre,
      String input) {
    if (pre == null) {
      g.addLayer(name, layer, input);
    } else {
      g.addLayer(name, layer, pre, input);
    }
  }

  /** The DL4J layer of one head layer (as {@link HeadTrainer} builds it), or null when it is a no-op. */
  private static Layer layer(HeadLayer layer, int width) {
    if (layer instanceof HeadLayer.Dense d) {
      return new DenseLayer.Builder().nIn(width).nOut(d.units()).activation(Activations.toDl4j(d.activation())).build();
    }
    if (layer instanceof HeadLayer.Dropout d) {
      // DL4J's Dropout takes the probability of *keeping* a unit; Keras' rate is the probability of dropping it.
      return d.rate() > 0 ? new DropoutLayer.Builder().dropOut(new Dropout(1 - d.rate())).nIn(width).nOut(width).build()
          : null;
    }
    if (layer instanceof HeadLayer.BatchNorm) {
      return new BatchNormalization.Builder().nIn(width).nOut(width).decay(0.99).eps(1e-3).useLogStd(false).build();
    }
    HeadLayer.ActivationLayer a = (HeadLayer.ActivationLayer) layer;
    return new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
        .activation(Activations.toDl4j(a.activation())).build();
  }

  /** Gives the graph's head the initial weights {@link HeadTrainer} would start from (same seed, same draws). */
  private static void copyInitialHead(ComputationGraph graph, List<String> names,
      org.deeplearning4j.nn.conf.MultiLayerConfiguration headConf) {
    MultiLayerNetwork initial = new MultiLayerNetwork(headConf);
    initial.init();
    if (initial.getnLayers() != names.size()) {
      throw new IllegalStateException("the head has " + initial.getnLayers() + " layers in HeadTrainer but "
          + names.size() + " in the whole graph " + names + "; the two builders disagree");
    }
    for (int i = 0; i < names.size(); i++) {
      if (initial.getLayer(i).numParams() > 0) {
        graph.getLayer(names.get(i)).setParams(initial.getLayer(i).params().dup());
      }
    }
  }
}
