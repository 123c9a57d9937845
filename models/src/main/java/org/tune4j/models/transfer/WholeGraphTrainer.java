package org.tune4j.models.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.EarlyStopping;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.MinibatchOrder;

/**
 * Trains a {@link TransferModel} the plain way: the whole DL4J graph (backbone, reduction, head,
 * softmax output) on the images, for models that cannot be cut into a cached frozen prefix and a
 * head — today, a trainable backbone. The backbone's layers then train with the fit's updater and
 * its BatchNorm layers run in training mode (batch statistics, moving averages updated).
 *
 * <p>It follows {@link org.tune4j.models.head.HeadTrainer}'s protocol exactly: Keras'
 * {@code validation_split} (the last share of the rows held out, before any shuffling), the
 * minibatches of {@link MinibatchOrder} in its order, the same initial head weights, and
 * {@link EpochMetrics} measured after each epoch in inference mode on the training and the
 * validation rows. A model whose backbone is frozen (DL4J's frozen layers) therefore trains the
 * same head as the fast path on cached features, within float tolerance. Measuring the training
 * rows costs one inference pass over them per epoch, about a third of the epoch's training cost.
 *
 * <p>Every fit builds its own backbone and graph, so it costs a full forward and backward pass of
 * the backbone per minibatch: much slower than training a head on cached features. Stateless;
 * calls on different threads are independent.
 *
 * <pre>{@code
 * TransferModel model = TransferModel.of(Backbone.resnet50(Weights.imagenet()).inputSize(64, 64),
 *     HeadSpec.globalAveragePooling(), FitSpec.defaults().epochs(2)).frozenBackbone(false);
 * FittedWholeGraph fitted = WholeGraphTrainer.fit(model, train, epoch -> System.out.println(epoch.format(2)));
 * Predictions p = fitted.predict(test);
 * }</pre>
 */
public final class WholeGraphTrainer {
  private WholeGraphTrainer() {}

  /**
   * Trains the whole graph of {@code model} on {@code images}.
   *
   * @param images 3-channel images of the backbone's input size, with their labels
   * @param onEpoch receives each epoch's metrics as soon as it ends
   * @throws IllegalArgumentException when the images do not fit the backbone or the split leaves no training rows
   */
  public static FittedWholeGraph fit(TransferModel model, ImageSet images, Consumer<EpochMetrics> onEpoch) {
    return fitWatching(model, images, (m, soFar) -> onEpoch.accept(m));
  }

  /**
   * Trains the whole graph, handing the model as trained so far to {@code listener} after every
   * epoch (to score it at a checkpoint, or to stop a diverging fit by throwing). The model handed
   * over is valid until the next epoch changes its weights.
   *
   * @throws IllegalArgumentException when the images do not fit the backbone or the split leaves no training rows
   */
  public static FittedWholeGraph fitWatching(TransferModel model, ImageSet images,
      BiConsumer<EpochMetrics, FittedWholeGraph> listener) {
    model.backbone().requireFits(images);
    FitSpec fit = model.fit();
    int n = images.size();
    int nTrain = (int) Math.floor(n * (1 - fit.validationSplit())); // Keras: split_at = int(n * (1 - split))
    if (nTrain < 1) {
      throw new IllegalArgumentException("validation split " + fit.validationSplit() + " of " + n
          + " rows leaves no training rows; lower the split or add rows");
    }
    EarlyStopping.requireValidation(fit);
    EarlyStopping stopping = new EarlyStopping(fit.patience());
    int nClasses = images.levels().size();
    ComputationGraph graph = WholeGraphBuilder.build(model, nClasses).graph();
    ImageSet train = images.rows(range(0, nTrain));
    ImageSet validation = nTrain == n ? null : images.rows(range(nTrain, n));
    List<EpochMetrics> history = new ArrayList<>();
    for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
      for (int[] batch : MinibatchOrder.batches(nTrain, fit.batchSize(), fit.seed(), epoch)) {
        graph.fit(batch(train, batch, nClasses));
      }
      FittedWholeGraph soFar = new FittedWholeGraph(model, graph, images.levels(), history);
      double[] t = soFar.lossAndAccuracy(train);
      double[] v = validation == null ? new double[] {Double.NaN, Double.NaN} : soFar.lossAndAccuracy(validation);
      EpochMetrics m = new EpochMetrics(epoch, t[0], t[1], v[0], v[1]);
      history.add(m);
      listener.accept(m, new FittedWholeGraph(model, graph, images.levels(), history));
      if (stopping.stopsAfter(m.valLoss(), epoch)) {
        break;
      }
    }
    return new FittedWholeGraph(model, graph, images.levels(), history);
  }

  /** The images at {@code rows} as a {@code [b, 3, h, w]} minibatch with one-hot labels. */
  static DataSet batch(ImageSet images, int[] rows, int nClasses) {
    ImageSet sub = images.rows(rows);
    float[] pixels = new float[rows.length * sub.pixelsPerImage()];
    sub.copyPixels(0, rows.length, pixels);
    INDArray features = Nd4j.create(pixels, new long[] {rows.length, sub.channels(), sub.height(), sub.width()}, 'c');
    INDArray oneHot = Nd4j.zeros(DataType.FLOAT, rows.length, nClasses);
    for (int i = 0; i < rows.length; i++) {
      oneHot.putScalar(i, sub.label(i), 1f);
    }
    return new DataSet(features, oneHot);
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
