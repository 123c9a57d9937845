package org.tune4j.models.head;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained head and the metrics of each epoch. Not thread-safe (it wraps one DL4J network).
 */
public final class FittedHead {
  private final MultiLayerNetwork network;
  private final List<String> levels;
  private final List<EpochMetrics> history;

  FittedHead(MultiLayerNetwork network, List<String> levels, List<EpochMetrics> history) {
    this.network = network;
    this.levels = List.copyOf(levels);
    this.history = List.copyOf(history);
  }

  /** A fitted head from a trained DL4J network (for instance a fast trainer's weights in DL4J form). */
  public static FittedHead of(MultiLayerNetwork network, List<String> levels, List<EpochMetrics> history) {
    return new FittedHead(network, levels, history);
  }

  /** Each epoch's loss and accuracy, in order. */
  public List<EpochMetrics> history() {
    return history;
  }

  /** The trained DL4J network. */
  public MultiLayerNetwork network() {
    return network;
  }

  /** Predicts classes and probabilities for feature rows, in inference mode. */
  public Predictions predict(INDArray features) {
    INDArray probs = network.output(features, false);
    double[][] p = probs.toDoubleMatrix();
    return Predictions.fromProbabilities(levels, p);
  }
}
