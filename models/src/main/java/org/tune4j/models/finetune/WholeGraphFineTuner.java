package org.tune4j.models.finetune;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.backbone.ResNetBlocks;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.transfer.FittedTransferModel;

/**
 * Fine-tuning the plain way, the reference {@link FineTuner} must equal: the backbone's whole DL4J graph with the head
 * on top, the blocks below the unfrozen ones frozen with DL4J's {@code setFeatureExtractor}, the unfrozen blocks'
 * BatchNorms replaced by the same inference-mode maps, trained on the images — every minibatch runs the frozen part
 * again. For equivalence tests and benchmarks; {@link FineTuner} is the fast path. Stateless.
 *
 * <pre>{@code
 * ComputationGraph whole = WholeGraphFineTuner.build(frozen, options);
 * for (int epoch = 1; epoch <= options.epochs(); epoch++) {
 *   WholeGraphFineTuner.fitEpoch(whole, train, options, epoch);
 * }
 * }</pre>
 */
public final class WholeGraphFineTuner {
  private WholeGraphFineTuner() {}

  /**
   * The whole graph of {@code frozen}'s backbone and head, warm-started, frozen below {@code options}' blocks and
   * trained above them with {@code frozen}'s optimizer at {@code options}' rate.
   *
   * @throws IllegalArgumentException when the backbone has fewer blocks than asked
   */
  public static ComputationGraph build(FittedTransferModel frozen, FineTune options) {
    ResNetArchitecture arch = frozen.model().backbone().architecture();
    int first = options.blocks().firstBlock(arch);
    IUpdater updater = frozen.model().fit().learnRate(options.learnRate()).updater();
    BackboneNetwork backbone = frozen.model().backbone().build();
    ComputationGraph base = backbone.graph();
    TransferLearning.GraphBuilder g = new TransferLearning.GraphBuilder(base)
        .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(updater).seed(options.seed()).build())
        .setFeatureExtractor(ResNetBlocks.inputOf(arch, first));
    List<String> norms = ResNetBlocks.batchNormsFrom(arch, first);
    for (String bn : norms) {
      String input = base.getConfiguration().getVertexInputs().get(bn).get(0);
      g.removeVertexKeepConnections(bn);
      g.addLayer(bn, TopGraph.inferenceNorm(base.getLayer(bn).getParam("gamma").length()), input);
    }
    String x = base.getConfiguration().getNetworkOutputs().get(0);
    long[] out = backbone.outputShape();
    HeadInput input = frozen.model().head().input();
    if (frozen.model().backbone().pooling() == Pooling.NONE && input != HeadInput.FLATTEN) {
      PoolingType type = input == HeadInput.GLOBAL_AVERAGE_POOLING ? PoolingType.AVG : PoolingType.MAX;
      g.addLayer(TopGraph.POOL, new GlobalPoolingLayer.Builder(type).build(), x);
      x = TopGraph.POOL;
    }
    MultiLayerNetwork head = frozen.head().network();
    int n = head.getnLayers();
    for (int i = 0; i < n; i++) {
      String name = i == n - 1 ? TopGraph.OUTPUT : "head_" + i;
      if (i == 0 && input == HeadInput.FLATTEN && out.length == 3) {
        g.addLayer(name, TopGraph.headLayer(head, i, updater), new CnnToFeedForwardPreProcessor(out[1], out[2], out[0]),
            x);
      } else {
        g.addLayer(name, TopGraph.headLayer(head, i, updater), x);
      }
      x = name;
    }
    ComputationGraph graph = g.setOutputs(TopGraph.OUTPUT).build();
    ComputationGraph source = frozen.model().backbone().build().graph();
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

  /**
   * Trains {@code graph} for epoch {@code epoch} (1-based) on the training rows of {@code train} (all but the last
   * {@code validationSplit} share), in {@link MinibatchOrder}'s order, as {@link FineTuner} visits them.
   */
  public static void fitEpoch(ComputationGraph graph, ImageSet train, FineTune options, int epoch) {
    int nTrain = (int) Math.floor(train.size() * (1 - options.validationSplit()));
    for (int[] batch : MinibatchOrder.batches(nTrain, options.batchSize(), options.seed(), epoch)) {
      graph.fit(batch(train, batch));
    }
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
