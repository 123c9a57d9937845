package org.tune4j.models.transfer;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.Predictions;

/**
 * A transfer model trained as a whole graph by {@link WholeGraphTrainer}: predicts images in
 * chunks, in inference mode (BatchNorm on its moving statistics, no dropout).
 * Not thread-safe (it holds one DL4J graph); use one per thread.
 */
public final class FittedWholeGraph {
  /** Probabilities are clipped to {@code [EPS, 1 - EPS]} before the log in the reported loss (as Keras). */
  static final double EPS = 1e-7;

  private final TransferModel model;
  private final ComputationGraph graph;
  private final List<String> levels;
  private final List<EpochMetrics> history;

  FittedWholeGraph(TransferModel model, ComputationGraph graph, List<String> levels, List<EpochMetrics> history) {
    this.model = model;
    this.graph = graph;
    this.levels = List.copyOf(levels);
    this.history = List.copyOf(history);
  }

  /** What was fitted. */
  public TransferModel model() {
    return model;
  }

  /** Each epoch's loss and accuracy, in order. */
  public List<EpochMetrics> history() {
    return history;
  }

  /** The trained DL4J graph: backbone, reduction, head and output. */
  public ComputationGraph graph() {
    return graph;
  }

  /**
   * Predicts classes and per-class probabilities for new images.
   *
   * @throws IllegalArgumentException when the images do not fit the backbone's input
   */
  public Predictions predict(ImageSet images) {
    float[] p = probabilities(images);
    int c = levels.size();
    double[][] rows = new double[images.size()][c];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < c; k++) {
        rows[i][k] = p[i * c + k];
      }
    }
    return Predictions.fromProbabilities(levels, rows);
  }

  /** Mean clipped cross-entropy and accuracy on labelled images. */
  double[] lossAndAccuracy(ImageSet images) {
    float[] p = probabilities(images);
    int c = levels.size();
    double loss = 0;
    int hits = 0;
    for (int i = 0; i < images.size(); i++) {
      int truth = images.label(i);
      int best = 0;
      for (int k = 1; k < c; k++) {
        if (p[i * c + k] > p[i * c + best]) {
          best = k;
        }
      }
      loss -= Math.log(Math.min(1 - EPS, Math.max(EPS, p[i * c + truth])));
      hits += best == truth ? 1 : 0;
    }
    return new double[] {loss / images.size(), (double) hits / images.size()};
  }

  /** The softmax outputs, row-major {@code [n, classes]}, computed {@link Featurizer#chunkFor} images at a time. */
  private float[] probabilities(ImageSet images) {
    model.backbone().requireFits(images);
    int n = images.size();
    int c = levels.size();
    int chunk = Featurizer.chunkFor(images.height(), images.width());
    float[] out = new float[n * c];
    float[] buffer = new float[chunk * images.pixelsPerImage()];
    for (int from = 0; from < n; from += chunk) {
      int count = Math.min(chunk, n - from);
      images.copyPixels(from, count, buffer);
      INDArray batch = Nd4j.create(java.util.Arrays.copyOf(buffer, count * images.pixelsPerImage()),
          new long[] {count, images.channels(), images.height(), images.width()}, 'c');
      float[] probs = graph.outputSingle(false, batch).dup('c').data().asFloat();
      System.arraycopy(probs, 0, out, from * c, count * c);
    }
    return out;
  }
}
