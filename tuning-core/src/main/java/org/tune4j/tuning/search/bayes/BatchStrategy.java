package org.tune4j.tuning.search.bayes;

import org.tune4j.tuning.metrics.Direction;

/**
 * How {@link BayesProposer} proposes more than one candidate per iteration (tune proposes one):
 * after each proposal the Gaussian process is conditioned on the proposed point with a fake
 * outcome, its correlation parameters kept, and the next candidate is chosen with the same rule
 * (Ginsbourger, Le Riche and Carraro, 2010, "Kriging is well-suited to parallelize
 * optimization"). The fake outcome shrinks the predicted sd near the proposal, so the next one
 * looks elsewhere.
 */
public enum BatchStrategy {
  /** Kriging believer: the fake outcome is the model's predicted mean at the proposal. */
  KRIGING_BELIEVER,
  /** Constant liar with the best outcome evaluated so far (optimistic, packs proposals). */
  CONSTANT_LIAR_BEST,
  /** Constant liar with the worst outcome evaluated so far (pessimistic, spreads proposals). */
  CONSTANT_LIAR_WORST,
  /** Constant liar with the mean outcome evaluated so far. */
  CONSTANT_LIAR_MEAN;

  /**
   * The fake outcome for a proposal predicted as {@code prediction}, given the real history.
   */
  double fakeOutcome(GpPrediction prediction, History real, Direction direction) {
    return switch (this) {
      case KRIGING_BELIEVER -> prediction.mean();
      case CONSTANT_LIAR_BEST -> real.best(direction);
      case CONSTANT_LIAR_WORST -> real.worst(direction);
      case CONSTANT_LIAR_MEAN -> real.meanOutcome();
    };
  }
}
