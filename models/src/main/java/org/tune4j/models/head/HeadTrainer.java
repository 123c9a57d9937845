package org.tune4j.models.head;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains a {@link HeadSpec} on feature vectors with DL4J's {@link MultiLayerNetwork}: the plain,
 * reference training path.
 *
 * <p>Rows are split as Keras' {@code validation_split} does (the last share is held out, before
 * any shuffling); each epoch visits the training rows in the order {@link MinibatchOrder} draws
 * from the fit's seed and the epoch.
 * Stateless; each call builds its own network, so calls on different threads are independent.
 */
public final class HeadTrainer {
  /** Probabilities are clipped to {@code [EPS, 1 - EPS]} before the log in the reported loss (as Keras). */
  static final double EPS = 1e-7;

  private HeadTrainer() {}

  /**
   * Fits a head.
   *
   * @param features one row per example, {@code [n, d]}
   * @param labels one class index per row
   * @param levels the class names
   * @param head the head to build
   * @param fit epochs, batch size, validation split, learning rate, seed, patience (the fit ends early once the
   *     validation loss has not improved for that many epochs)
   * @param onEpoch receives each epoch's metrics as soon as it ends
   * @return the trained head and its history
   */
  public static FittedHead fit(INDArray features, int[] labels, List<String> levels, HeadSpec head, FitSpec fit,
      Consumer<EpochMetrics> onEpoch) {
    return fitWatching(features, labels, levels, head, fit, (m, soFar) -> onEpoch.accept(m));
  }

  /**
   * Fits a head, handing the head as trained so far to {@code listener} after every epoch (to score
   * it, or to stop a diverging fit by throwing).
   */
  public static FittedHead fitWatching(INDArray features, int[] labels, List<String> levels, HeadSpec head,
      FitSpec fit, EpochListener listener) {
    int n = (int) features.rows();
    if (n != labels.length) {
      throw new IllegalArgumentException("features have " + n + " rows but there are " + labels.length + " labels");
    }
    int nTrain = (int) Math.floor(n * (1 - fit.validationSplit())); // Keras: split_at = int(n * (1 - split))
    int nVal = n - nTrain;
    if (nTrain < 1) {
      throw new IllegalArgumentException("validation split " + fit.validationSplit() + " of " + n
          + " rows leaves no training rows; lower the split or add rows");
    }
    EarlyStopping.requireValidation(fit);
    EarlyStopping stopping = new EarlyStopping(fit.patience());
    MultiLayerNetwork net = new MultiLayerNetwork(configuration(head, fit, (int) features.columns(), levels.size()));
    net.init();
    INDArray oneHot = oneHot(labels, levels.size());
    int[] valRows = range(nTrain, n);
    List<EpochMetrics> history = new ArrayList<>();
    for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
      for (int[] batch : MinibatchOrder.batches(nTrain, fit.batchSize(), fit.seed(), epoch)) {
        net.fit(new DataSet(features.getRows(batch), oneHot.getRows(batch)));
      }
      double[] train = lossAndAccuracy(net, features, labels, range(0, nTrain));
      double[] val = nVal == 0 ? new double[] {Double.NaN, Double.NaN} : lossAndAccuracy(net, features, labels, valRows);
      EpochMetrics m = new EpochMetrics(epoch, train[0], train[1], val[0], val[1]);
      history.add(m);
      listener.afterEpoch(m, new FittedHead(net, levels, history));
      if (stopping.stopsAfter(m.valLoss(), epoch)) {
        break;
      }
    }
    return new FittedHead(net, levels, history);
  }

  /**
   * The DL4J configuration of a head with {@code nIn} inputs and {@code nClasses} outputs: the fit's updater on
   * every layer, its weight regularization ({@link OptimizerOptions}) on dense and output weights.
   */
  public static MultiLayerConfiguration configuration(HeadSpec head, FitSpec fit, int nIn, int nClasses) {
    NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
        .seed(fit.seed())
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(fit.updater())
        .list();
    int width = nIn;
    for (HeadLayer layer : head.layers()) {
      width = addLayer(b, layer, width);
    }
    b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width).nOut(nClasses)
        .activation(Activation.SOFTMAX).build());
    MultiLayerConfiguration conf = b.build();
    for (int i = 0; i < conf.getConfs().size(); i++) {
      regularize(conf.getConf(i).getLayer(), fit);
    }
    return conf;
  }

  /** Gives a dense or output layer the fit's weight regularization (L2, weight decay); other layers have none. */
  public static void regularize(org.deeplearning4j.nn.conf.layers.Layer layer, FitSpec fit) {
    if (layer instanceof DenseLayer || layer instanceof OutputLayer) {
      ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer).setRegularization(fit.options().weightRegularization());
    }
  }

  private static int addLayer(NeuralNetConfiguration.ListBuilder b, HeadLayer layer, int width) {
    if (layer instanceof HeadLayer.Dense d) {
      b.layer(new DenseLayer.Builder().nIn(width).nOut(d.units()).activation(Activations.toDl4j(d.activation())).build());
      return d.units();
    }
    if (layer instanceof HeadLayer.Dropout d) {
      if (d.rate() > 0) {
        // DL4J's Dropout takes the probability of *keeping* a unit; Keras' rate is the probability of dropping it.
        b.layer(new DropoutLayer.Builder().dropOut(new Dropout(1 - d.rate())).nIn(width).nOut(width).build());
      }
      return width;
    }
    if (layer instanceof HeadLayer.BatchNorm) {
      b.layer(new BatchNormalization.Builder().nIn(width).nOut(width).decay(0.99).eps(1e-3).useLogStd(false).build());
      return width;
    }
    HeadLayer.ActivationLayer a = (HeadLayer.ActivationLayer) layer;
    b.layer(new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
        .activation(Activations.toDl4j(a.activation())).build());
    return width;
  }

  static double[] lossAndAccuracy(MultiLayerNetwork net, INDArray features, int[] labels, int[] rows) {
    INDArray probs = net.output(features.getRows(rows), false);
    int c = (int) probs.columns();
    float[] p = probs.dup('c').data().asFloat(); // one copy out of native memory, not one call per element
    double loss = 0;
    int hits = 0;
    for (int i = 0; i < rows.length; i++) {
      int truth = labels[rows[i]];
      int best = 0;
      for (int k = 1; k < c; k++) {
        if (p[i * c + k] > p[i * c + best]) {
          best = k;
        }
      }
      loss -= Math.log(Math.min(1 - EPS, Math.max(EPS, p[i * c + truth])));
      hits += best == truth ? 1 : 0;
    }
    return new double[] {loss / rows.length, (double) hits / rows.length};
  }

  static INDArray oneHot(int[] labels, int nClasses) {
    INDArray out = Nd4j.zeros(DataType.FLOAT, labels.length, nClasses);
    for (int i = 0; i < labels.length; i++) {
      out.putScalar(i, labels[i], 1f);
    }
    return out;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
