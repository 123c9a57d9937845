package org.tune4j.tuning.search.bayes;

import org.tune4j.tuning.metrics.Direction;

/**
 * tune's {@code conf_bound(kappa)}: {@code mean + kappa * sd} when maximising and
 * {@code -(mean + kappa * sd)} when minimising, exactly as tune's {@code predict.conf_bound()}
 * writes it. Note that when minimising this rewards a low mean but penalises uncertainty (a
 * textbook lower confidence bound would score {@code -(mean - kappa * sd)}); tune's formula is
 * kept so results match. Immutable and thread-safe.
 *
 * <pre>{@code
 * ConfidenceBound ucb = Acquisition.confBound(1.96);
 * }</pre>
 *
 * @param kappa the multiplier of the standard deviation
 */
public record ConfidenceBound(TradeOff kappa) implements Acquisition {

  /** Validates the setting. */
  public ConfidenceBound {
    if (kappa == null) {
      throw new IllegalArgumentException("kappa is null; give a number or a function");
    }
  }

  @Override
  public double score(double mean, double sd, Direction direction, int iteration, double best) {
    Acquisition.checkDirection(direction);
    double bound = mean + kappa.valueAt(iteration) * sd;
    return direction.biggerIsBetter() ? bound : -bound;
  }

  @Override
  public String label() {
    return "the confidence bound" + (kappa.isVariable() ? " with variable kappa values." : "");
  }
}
