package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.NesterovsUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.SgdUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One head's optimizer settings, done as DL4J does them: L2 added to the weight gradients
 * ({@code g += l2 * W}), then DL4J's own native updater op (Adam, SGD, Nesterovs, RMSProp) turning the
 * gradient into the update in place ({@link #step}, which {@link PackUpdater} runs over the heads of a group at
 * once), then decoupled weight decay ({@code u += lr * wd * W}). The gradient arrives batch-averaged; the caller
 * subtracts the update from the parameters after. Not thread-safe.
 */
final class HeadUpdater {
  private final IUpdater config;
  private final double l2;
  private final double weightDecay;
  private final List<INDArray[]> segments = new ArrayList<>(); // {grad, state1, state2}
  private final List<INDArray[]> weights = new ArrayList<>(); // {param, grad}

  HeadUpdater(IUpdater config, double l2, double weightDecay) {
    this.config = config;
    this.l2 = l2;
    this.weightDecay = weightDecay;
  }

  /** Adds a contiguous gradient segment and its state views; initializes the state as DL4J does. */
  void addSegment(INDArray grad, INDArray state1, INDArray state2) {
    if (config instanceof RmsProp r) {
      state1.assign(r.getEpsilon()); // DL4J's RmsPropUpdater starts its cache at epsilon
    } else {
      state1.assign(0);
    }
    state2.assign(0);
    segments.add(new INDArray[] {grad, state1, state2});
  }

  /** Registers a weight matrix that L2 and weight decay apply to. */
  void addWeights(INDArray param, INDArray grad) {
    weights.add(new INDArray[] {param, grad});
  }

  /** Zeroes the gradient segments (for a head that stopped training). */
  void zeroGrads() {
    for (INDArray[] s : segments) {
      s[0].assign(0);
    }
  }

  IUpdater config() {
    return config;
  }

  /** {@code g += l2 * W} on the weight gradients (before the updater). */
  void addL2() {
    if (l2 > 0) {
      for (INDArray[] w : weights) {
        Nd4j.exec(new Axpy(w[0], w[1], w[1], l2));
      }
    }
  }

  /** {@code u += lr * wd * W} on the weight updates (after the updater). */
  void addDecay(int iteration) {
    if (weightDecay > 0) {
      double scale = weightDecay * config.getLearningRate(iteration, 0);
      for (INDArray[] w : weights) {
        Nd4j.exec(new Axpy(w[0], w[1], w[1], scale));
      }
    }
  }

  /** DL4J's native updater op for {@code config}: turns the gradient {@code g} into the update in place. */
  static void step(IUpdater config, INDArray g, INDArray s1, INDArray s2, int iteration) {
    if (config instanceof Adam a) {
      Nd4j.exec(new AdamUpdater(g, s2, s1, a.getLearningRate(iteration, 0), a.getBeta1(), a.getBeta2(),
          a.getEpsilon(), iteration));
    } else if (config instanceof Nesterovs n) {
      Nd4j.exec(new NesterovsUpdater(g, s1, n.getLearningRate(iteration, 0), n.currentMomentum(iteration, 0)));
    } else if (config instanceof RmsProp r) {
      Nd4j.exec(new RmsPropUpdater(g, s1, r.getLearningRate(iteration, 0), r.getRmsDecay(), r.getEpsilon()));
    } else if (config instanceof Sgd s) {
      Nd4j.exec(new SgdUpdater(g, s.getLearningRate(iteration, 0)));
    } else {
      throw new IllegalStateException("updater " + config + " is not supported; use Adam, Sgd, Nesterovs or RmsProp");
    }
  }
}
