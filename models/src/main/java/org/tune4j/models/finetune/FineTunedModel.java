package org.tune4j.models.finetune;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.Predictions;

/**
 * A model after {@link FineTuner#fineTune}: the frozen lower part of the backbone, the fine-tuned top blocks and head,
 * and the fine-tune's history. Predicts images in inference mode (BatchNorm on its moving statistics, no dropout).
 * Not thread-safe (it holds DL4J graphs); use one per thread.
 *
 * <pre>{@code
 * FineTunedModel tuned = FineTuner.fineTune(frozen, train, FineTune.topBlocks(1).epochs(5));
 * double accuracy = tuned.predict(test).accuracy(test.labels());
 * }</pre>
 */
public final class FineTunedModel {
  /** Probabilities are clipped to {@code [EPS, 1 - EPS]} before the log in the reported loss (as Keras). */
  static final double EPS = 1e-7;
  /** Cached activations pushed through the top graph at once. */
  static final int CHUNK = 256;

  private final FineTune options;
  private final Prefix prefix;
  private final ComputationGraph graph;
  private final List<String> levels;
  private final List<EpochMetrics> history;
  private final int bestEpoch;

  FineTunedModel(FineTune options, Prefix prefix, ComputationGraph graph, List<String> levels,
      List<EpochMetrics> history, int bestEpoch) {
    this.options = options;
    this.prefix = prefix;
    this.graph = graph;
    this.levels = List.copyOf(levels);
    this.history = List.copyOf(history);
    this.bestEpoch = bestEpoch;
  }

  /** How it was fine-tuned. */
  public FineTune options() {
    return options;
  }

  /** The vertex of the backbone whose output was cached: the last frozen block's {@code _out} (or the stem's). */
  public String frozenOutput() {
    return prefix.cut();
  }

  /** Each fine-tuning epoch's loss and accuracy (training and validation rows), in order. */
  public List<EpochMetrics> history() {
    return history;
  }

  /**
   * The epoch whose weights the model holds: with patience, the one of lowest validation loss; else the last; 0 when
   * no epoch ran (the frozen model's weights).
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The trained DL4J graph of the unfrozen blocks and the head; its input is the frozen part's output. */
  public ComputationGraph graph() {
    return graph;
  }

  /**
   * Predicts classes and per-class probabilities for new images.
   *
   * @throws IllegalArgumentException when the images do not fit the backbone's input
   */
  public Predictions predict(ImageSet images) {
    return Predictions.fromProbabilities(levels, probabilities(graph, prefix, prefix.activations(images)));
  }

  /** The softmax rows of cached activations {@code cut} ({@code [n, width]}), in inference mode. */
  static double[][] probabilities(ComputationGraph graph, Prefix prefix, INDArray cut) {
    long[] shape = prefix.shape();
    int n = (int) cut.rows();
    double[][] out = new double[n][];
    for (int from = 0; from < n; from += CHUNK) {
      int count = Math.min(CHUNK, n - from);
      INDArray x = cut.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all()).dup('c')
          .reshape('c', count, shape[0], shape[1], shape[2]);
      double[][] p = graph.outputSingle(false, x).toDoubleMatrix();
      System.arraycopy(p, 0, out, from, count);
    }
    return out;
  }

  /** Mean clipped cross-entropy and accuracy of rows {@code rows} of {@code cut} against {@code labels}. */
  static double[] lossAndAccuracy(ComputationGraph graph, Prefix prefix, INDArray cut, int[] labels, int[] rows) {
    double[][] p = probabilities(graph, prefix, cut.getRows(rows));
    double loss = 0;
    int hits = 0;
    for (int i = 0; i < rows.length; i++) {
      int truth = labels[rows[i]];
      int best = 0;
      for (int k = 1; k < p[i].length; k++) {
        if (p[i][k] > p[i][best]) {
          best = k;
        }
      }
      loss -= Math.log(Math.min(1 - EPS, Math.max(EPS, p[i][truth])));
      hits += best == truth ? 1 : 0;
    }
    return new double[] {loss / rows.length, (double) hits / rows.length};
  }
}
