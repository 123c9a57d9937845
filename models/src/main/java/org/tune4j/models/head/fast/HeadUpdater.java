package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One head's optimizer settings and where its parameters sit in the pack's flat vector. The step itself, for
 * all heads at once, is {@link FusedUpdater}'s; it follows DL4J exactly: L2 added to the weight gradients
 * ({@code g += l2 * W}), then the formula of DL4J's native updater op (Adam, SGD, Nesterovs, RMSProp), then
 * decoupled weight decay ({@code u += lr * wd * W}), then {@code W -= u}. Not thread-safe.
 */
final class HeadUpdater {
  /** The updater rules the fast trainer computes, each DL4J's native op's formula. */
  enum Rule { ADAM, SGD, NESTEROVS, RMSPROP }

  private final IUpdater config;
  private final Rule rule;
  private final double l2;
  private final double weightDecay;
  private final List<long[]> segments = new ArrayList<>(); // {offset, length}
  private final List<long[]> weights = new ArrayList<>(); // {offset, length}

  HeadUpdater(IUpdater config, double l2, double weightDecay) {
    this.config = config;
    this.rule = ruleOf(config);
    this.l2 = l2;
    this.weightDecay = weightDecay;
  }

  private static Rule ruleOf(IUpdater config) {
    if (config instanceof Adam) {
      return Rule.ADAM;
    } else if (config instanceof Nesterovs) {
      return Rule.NESTEROVS;
    } else if (config instanceof RmsProp) {
      return Rule.RMSPROP;
    } else if (config instanceof Sgd) {
      return Rule.SGD;
    }
    throw new IllegalArgumentException("updater " + config + " is not supported by the fast trainer; use Adam, Sgd,"
        + " Nesterovs or RmsProp");
  }

  /** Adds a contiguous piece of the head's parameters (offset and length in the pack's flat vector). */
  void addSegment(long offset, long length) {
    if (length > 0) {
      segments.add(new long[] {offset, length});
    }
  }

  /** Marks a piece of the head's parameters as a weight matrix, which L2 and weight decay apply to. */
  void addWeights(long offset, long length) {
    weights.add(new long[] {offset, length});
  }

  List<long[]> segments() {
    return segments;
  }

  /** True when the element at {@code index} of the flat vector belongs to one of this head's weight matrices. */
  boolean isWeight(long index) {
    for (long[] w : weights) {
      if (index >= w[0] && index < w[0] + w[1]) {
        return true;
      }
    }
    return false;
  }

  /** The boundaries inside {@code [from, to)} where a weight matrix starts or ends. */
  List<Long> weightBoundaries(long from, long to) {
    List<Long> cuts = new ArrayList<>();
    for (long[] w : weights) {
      for (long b : new long[] {w[0], w[0] + w[1]}) {
        if (b > from && b < to) {
          cuts.add(b);
        }
      }
    }
    return cuts;
  }

  IUpdater config() {
    return config;
  }

  Rule rule() {
    return rule;
  }

  double l2() {
    return l2;
  }

  double weightDecay() {
    return weightDecay;
  }

  /** The value the first state array starts at: DL4J's RMSProp starts its cache at epsilon, the others at 0. */
  float initialState1() {
    return config instanceof RmsProp r ? (float) r.getEpsilon() : 0f;
  }
}
