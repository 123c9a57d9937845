package org.tune4j.models.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.EarlyStopping;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.transfer.FittedTransferModel;

/**
 * Fine-tunes a fitted frozen model: unfreezes the top blocks of its backbone ({@link FineTune#blocks}) and trains them
 * with the head at a low learning rate, Keras' transfer-learning second stage.
 *
 * <p>The frozen lower part runs once, in inference mode (through the fused inference plan when the backbone has one),
 * up to the output of the last frozen block; those activations are kept in memory, so an epoch costs only the unfrozen blocks and the head. The trained graph
 * ({@link TopGraph}) starts from the backbone's weights and the fitted head's (a warm start: with no epoch it predicts
 * what the frozen model predicts), keeps every BatchNorm of the unfrozen blocks in inference mode (moving statistics,
 * γ and β not trained, as Keras recommends) and trains with the fitted model's optimizer at the fine-tune's rate.
 * Rows are split and visited as {@link org.tune4j.models.head.HeadTrainer} does: the last {@code validationSplit}
 * share held out, minibatches in {@link MinibatchOrder}'s order; with patience the fit stops once the validation
 * loss has not improved for that many epochs and keeps the weights of its best epoch (also when it ran every epoch).
 * Stateless; calls on different threads are independent.
 *
 * <pre>{@code
 * FittedTransferModel frozen = TransferModel.of(backbone, head, fit).fit(train, m -> { });
 * FineTunedModel tuned = FineTuner.fineTune(frozen, train, FineTune.topBlocks(1).epochs(10).patience(2));
 * Predictions p = tuned.predict(test);
 * }</pre>
 */
public final class FineTuner {
  private FineTuner() {}

  /** {@link #fineTune(FittedTransferModel, ImageSet, FineTune, Consumer)} without an epoch listener. */
  public static FineTunedModel fineTune(FittedTransferModel frozen, ImageSet train, FineTune options) {
    return fineTune(frozen, train, options, m -> { });
  }

  /**
   * Fine-tunes {@code frozen} on {@code train}.
   *
   * @param frozen a model fitted with its backbone frozen ({@code TransferModel.fit}, or the last fit's model)
   * @param train the training images (3-channel, the backbone's input size), with their labels
   * @param onEpoch receives each epoch's metrics as soon as it ends
   * @throws IllegalArgumentException when the backbone has fewer blocks than asked, the images do not fit it, their
   *     classes are not the head's, or the split leaves no training rows
   */
  public static FineTunedModel fineTune(FittedTransferModel frozen, ImageSet train, FineTune options,
      Consumer<EpochMetrics> onEpoch) {
    return fineTune(frozen, train, options, onEpoch, false);
  }

  /**
   * As {@link #fineTune(FittedTransferModel, ImageSet, FineTune, Consumer)}; {@code inGraph} runs the frozen part
   * through DL4J's graph even when the fused plan could (the exact computation of DL4J's frozen layers, for tests).
   */
  static FineTunedModel fineTune(FittedTransferModel frozen, ImageSet train, FineTune options,
      Consumer<EpochMetrics> onEpoch, boolean inGraph) {
    Backbone spec = frozen.model().backbone();
    int first = options.blocks().firstBlock(spec.architecture());
    spec.requireFits(train);
    MultiLayerNetwork head = frozen.head().network();
    long classes = head.getLayer(head.getnLayers() - 1).getParam("b").length();
    if (classes != train.levels().size()) {
      throw new IllegalArgumentException("the images have " + train.levels().size() + " classes " + train.levels()
          + " but the fitted head predicts " + classes + "; fine-tune on the images the model was fitted on");
    }
    int n = train.size();
    int nTrain = (int) Math.floor(n * (1 - options.validationSplit()));
    if (nTrain < 1) {
      throw new IllegalArgumentException("validation split " + options.validationSplit() + " of " + n
          + " rows leaves no training rows; lower the split or add rows");
    }
    BackboneNetwork backbone = spec.build();
    Prefix prefix = inGraph ? Prefix.belowInGraph(backbone, first) : Prefix.below(backbone, first);
    INDArray cached = prefix.activations(train);
    IUpdater updater = frozen.model().fit().learnRate(options.learnRate()).updater();
    TopGraph.Built top = TopGraph.build(backbone, head, frozen.model().head().input(), first, updater, options.seed(),
        prefix.shape());
    return train(options, prefix, top.graph(), cached, train.labels(), train.levels(), nTrain, onEpoch);
  }

  private static FineTunedModel train(FineTune options, Prefix prefix, ComputationGraph graph, INDArray cached,
      int[] labels, List<String> levels, int nTrain, Consumer<EpochMetrics> onEpoch) {
    int n = labels.length;
    long[] shape = prefix.shape();
    INDArray oneHot = Nd4j.zeros(DataType.FLOAT, n, levels.size());
    for (int i = 0; i < n; i++) {
      oneHot.putScalar(i, labels[i], 1f);
    }
    int[] trainRows = range(0, nTrain);
    int[] valRows = range(nTrain, n);
    EarlyStopping stopping = new EarlyStopping(options.patience());
    List<EpochMetrics> history = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    INDArray bestParams = null;
    int bestEpoch = 0;
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      for (int[] batch : MinibatchOrder.batches(nTrain, options.batchSize(), options.seed(), epoch)) {
        INDArray x = cached.getRows(batch).reshape('c', batch.length, shape[0], shape[1], shape[2]);
        graph.fit(new DataSet(x, oneHot.getRows(batch)));
      }
      double[] t = FineTunedModel.lossAndAccuracy(graph, prefix, cached, labels, trainRows);
      double[] v = valRows.length == 0 ? new double[] {Double.NaN, Double.NaN}
          : FineTunedModel.lossAndAccuracy(graph, prefix, cached, labels, valRows);
      EpochMetrics m = new EpochMetrics(epoch, t[0], t[1], v[0], v[1]);
      history.add(m);
      onEpoch.accept(m);
      bestEpoch = options.patience() == 0 ? epoch : bestEpoch;
      if (options.patience() > 0 && m.valLoss() < bestLoss) {
        bestLoss = m.valLoss();
        bestParams = graph.params().dup();
        bestEpoch = epoch;
      }
      if (stopping.stopsAfter(m.valLoss(), epoch)) {
        break;
      }
    }
    if (bestParams != null && bestEpoch != history.size()) {
      graph.setParams(bestParams);
    }
    return new FineTunedModel(options, prefix, graph, levels, history, bestEpoch);
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
