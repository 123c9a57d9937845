package org.tune4j.models.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.ResNetBlocks;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.transfer.FittedTransferModel;

/**
 * The equivalence contract for fine-tuning: training the unfrozen blocks and the head on the cached output of the
 * frozen part gives the weights DL4J gets training the whole graph (backbone and head) with the lower part frozen
 * ({@code setFeatureExtractor}) and BatchNorm in inference mode, from the same initial weights, on the same
 * minibatches in the same order, with the same updater — within {@value #WEIGHT_TOLERANCE}.
 */
class FineTuneEquivalenceTest {
  static final double WEIGHT_TOLERANCE = 1e-5;
  /** Two epochs of Adam at 1e-3 move each trained weight by up to about 2e-3. */
  static final double MOVED = 1e-4;

  @Test
  void theTopBlockAndAGlobalPoolingHead() {
    assertSameAsWholeGraph(HeadSpec.globalAveragePooling().dense(8, "relu"), 1);
  }

  @Test
  void bothBlocksAndAFlattenHead() {
    assertSameAsWholeGraph(HeadSpec.flatten().dense(6, "tanh"), 2);
  }

  private static void assertSameAsWholeGraph(HeadSpec head, int blocks) {
    ImageSet train = FineTunerTest.images(4);
    FittedTransferModel frozen = FineTunerTest.frozen(head, train);
    FineTune options = FineTune.topBlocks(blocks).learnRate(1e-3).epochs(2).batchSize(8).validationSplit(0).seed(9);
    FineTunedModel tuned = FineTuner.fineTune(frozen, train, options);

    int first = options.blocks().firstBlock(FineTunerTest.TINY);
    IUpdater updater = frozen.model().fit().learnRate(options.learnRate()).updater();
    ComputationGraph whole = wholeGraph(frozen, first, updater, options.seed());
    ComputationGraph initial = whole.clone();
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      for (int[] batch : MinibatchOrder.batches(train.size(), options.batchSize(), options.seed(), epoch)) {
        whole.fit(batch(train, batch));
      }
    }
    List<String> trained = new ArrayList<>();
    List<String> names = ResNetBlocks.names(FineTunerTest.TINY);
    for (int i = first; i < names.size(); i++) {
      trained.addAll(ResNetBlocks.convolutions(names.get(i), ResNetBlocks.isFirstOfStage(FineTunerTest.TINY, i)));
    }
    for (int i = 0; tuned.graph().getVertex("head_" + i) != null; i++) {
      trained.add("head_" + i);
    }
    trained.add(TopGraph.OUTPUT);
    for (String name : trained) {
      INDArray expected = whole.getLayer(name).params();
      double diff = tuned.graph().getLayer(name).params().sub(expected).amaxNumber().doubleValue();
      assertTrue(diff <= WEIGHT_TOLERANCE, name + ": max |diff| " + diff);
      double moved = expected.sub(initial.getLayer(name).params()).amaxNumber().doubleValue();
      assertTrue(moved > MOVED, name + " moved only " + moved);
    }
    String frozenConv = first == 0 ? "conv1_conv" : names.get(first - 1) + "_1_conv";
    assertEquals(initial.getLayer(frozenConv).params(), whole.getLayer(frozenConv).params(), frozenConv);
    String norm = names.get(names.size() - 1) + "_1_bn";
    assertEquals(initial.getLayer(norm).params(), tuned.graph().getLayer(norm).params(), norm + " was trained");
  }

  /** The backbone's whole graph, frozen below block {@code first}, its BatchNorms above as inference-mode maps. */
  private static ComputationGraph wholeGraph(FittedTransferModel frozen, int first, IUpdater updater, long seed) {
    BackboneNetwork backbone = FineTunerTest.tiny().build();
    ComputationGraph base = backbone.graph();
    TransferLearning.GraphBuilder g = new TransferLearning.GraphBuilder(base)
        .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(updater).seed(seed).build())
        .setFeatureExtractor(ResNetBlocks.inputOf(FineTunerTest.TINY, first));
    List<String> names = ResNetBlocks.names(FineTunerTest.TINY);
    List<String> norms = new ArrayList<>();
    for (int i = first; i < names.size(); i++) {
      for (String bn : ResNetBlocks.batchNorms(names.get(i), ResNetBlocks.isFirstOfStage(FineTunerTest.TINY, i))) {
        long channels = base.getLayer(bn).getParam("gamma").length();
        g.removeVertexKeepConnections(bn);
        g.addLayer(bn, TopGraph.inferenceNorm(channels), bn.replace("_bn", "_conv"));
        norms.add(bn);
      }
    }
    String x = base.getConfiguration().getNetworkOutputs().get(0);
    long[] out = backbone.outputShape();
    HeadInput input = frozen.model().head().input();
    if (input == HeadInput.GLOBAL_AVERAGE_POOLING) {
      g.addLayer(TopGraph.POOL, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
      x = TopGraph.POOL;
    }
    MultiLayerNetwork head = frozen.head().network();
    int n = head.getnLayers();
    for (int i = 0; i < n; i++) {
      String name = i == n - 1 ? TopGraph.OUTPUT : "head_" + i;
      if (i == 0 && input == HeadInput.FLATTEN) {
        g.addLayer(name, TopGraph.headLayer(head, i, updater), new CnnToFeedForwardPreProcessor(out[1], out[2], out[0]),
            x);
      } else {
        g.addLayer(name, TopGraph.headLayer(head, i, updater), x);
      }
      x = name;
    }
    ComputationGraph graph = g.setOutputs(TopGraph.OUTPUT).build();
    ComputationGraph source = FineTunerTest.tiny().build().graph();
    for (String bn : norms) {
      TopGraph.copyNorm(source.getLayer(bn), graph.getLayer(bn));
    }
    for (int i = 0; i < n; i++) {
      if (head.getLayer(i).numParams() > 0) {
        graph.getLayer(i == n - 1 ? TopGraph.OUTPUT : "head_" + i).setParams(head.getLayer(i).params().dup());
      }
    }
    return graph;
  }

  private static DataSet batch(ImageSet images, int[] rows) {
    ImageSet sub = images.rows(rows);
    float[] pixels = new float[rows.length * sub.pixelsPerImage()];
    sub.copyPixels(0, rows.length, pixels);
    INDArray features = Nd4j.create(pixels, new long[] {rows.length, 3, sub.height(), sub.width()}, 'c');
    INDArray oneHot = Nd4j.zeros(DataType.FLOAT, rows.length, sub.levels().size());
    for (int i = 0; i < rows.length; i++) {
      oneHot.putScalar(i, sub.label(i), 1f);
    }
    return new DataSet(features, oneHot);
  }
}
