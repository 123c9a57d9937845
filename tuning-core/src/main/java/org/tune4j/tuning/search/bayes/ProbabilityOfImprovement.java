package org.tune4j.tuning.search.bayes;

import org.tune4j.tuning.metrics.Direction;

/**
 * tune's {@code prob_improve(trade_off, eps)}: {@code pnorm((mean - best - trade_off) / s)}
 * when maximising, {@code pnorm((trade_off + best - mean) / s)} when minimising, with
 * {@code s = max(sd, eps)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProbabilityOfImprovement pi = Acquisition.probImprove(0.01);
 * }</pre>
 *
 * @param tradeOff the trade-off, in outcome units
 * @param eps the floor of the standard deviation
 */
public record ProbabilityOfImprovement(TradeOff tradeOff, double eps) implements Acquisition {

  /** Validates the settings. */
  public ProbabilityOfImprovement {
    Acquisition.checkSettings(tradeOff, eps);
  }

  @Override
  public double score(double mean, double sd, Direction direction, int iteration, double best) {
    Acquisition.checkDirection(direction);
    Acquisition.checkBest(best);
    double t = tradeOff.valueAt(iteration);
    double s = sd <= eps ? eps : sd;
    double delta = direction.biggerIsBetter() ? (mean - best - t) / s : (t + best - mean) / s;
    return StandardNormal.cdf(delta);
  }

  @Override
  public String label() {
    return "the probability of improvement" + (tradeOff.isVariable()
        ? " with variable trade-off values." : "");
  }
}
