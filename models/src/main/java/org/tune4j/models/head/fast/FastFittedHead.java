package org.tune4j.models.head.fast;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.Predictions;

/**
 * A head trained by {@link FastHeadTrainer}: its per-epoch metrics, the epoch it stopped at, its
 * weights (in DL4J's flat layout) and predictions. Not thread-safe: it shares buffers with the heads
 * trained alongside it.
 */
public final class FastFittedHead {
  private final HeadPack pack;
  private final int index;
  private final Candidate candidate;
  private final List<String> levels;
  private final List<EpochMetrics> history;
  private final int stoppedEpoch;

  FastFittedHead(HeadPack pack, int index, Candidate candidate, List<String> levels, List<EpochMetrics> history,
      int stoppedEpoch) {
    this.pack = pack;
    this.index = index;
    this.candidate = candidate;
    this.levels = List.copyOf(levels);
    this.history = List.copyOf(history);
    this.stoppedEpoch = stoppedEpoch;
  }

  /** Each epoch's loss and accuracy, in order. */
  public List<EpochMetrics> history() {
    return history;
  }

  /** The epoch early stopping ended the fit at (Keras' {@code stopped_epoch}, 1-based), or 0 if it ran all epochs. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The candidate this head was trained from. */
  public Candidate candidate() {
    return candidate;
  }

  /** A copy of the weights in the order and layout of DL4J's {@code MultiLayerNetwork.params()}, {@code [1, n]}. */
  public INDArray params() {
    return pack.params(index);
  }

  /** A DL4J network with these weights (a copy), configured as {@link HeadTrainer#configuration}. */
  public MultiLayerNetwork network() {
    INDArray p = params();
    MultiLayerNetwork net = new MultiLayerNetwork(HeadTrainer.configuration(candidate.head(), candidate.fit(),
        pack.nIn(), levels.size()));
    net.init(p, false);
    return net;
  }

  /** Predicts classes and probabilities for feature rows, in inference mode (no dropout, stored batch-norm statistics). */
  public Predictions predict(INDArray features) {
    return Predictions.fromProbabilities(levels, pack.predict(index, features));
  }
}
