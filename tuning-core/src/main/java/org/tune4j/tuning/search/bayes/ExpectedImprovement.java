package org.tune4j.tuning.search.bayes;

import org.tune4j.tuning.metrics.Direction;

/**
 * tune's {@code exp_improve(trade_off, eps)}: with {@code delta = mean - best - trade_off} when
 * maximising ({@code trade_off + best - mean} when minimising) and {@code s = max(sd, eps)},
 * the score is {@code delta * pnorm(z) + s * dnorm(z)} with {@code z = delta / s}, or
 * {@code z = 0} when {@code sd <= eps}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ExpectedImprovement ei = Acquisition.expImprove(TradeOff.expoDecay(0.1, 0, 0.2));
 * }</pre>
 *
 * @param tradeOff the trade-off, in outcome units
 * @param eps the floor of the standard deviation
 */
public record ExpectedImprovement(TradeOff tradeOff, double eps) implements Acquisition {

  /** Validates the settings. */
  public ExpectedImprovement {
    Acquisition.checkSettings(tradeOff, eps);
  }

  @Override
  public double score(double mean, double sd, Direction direction, int iteration, double best) {
    Acquisition.checkDirection(direction);
    Acquisition.checkBest(best);
    double t = tradeOff.valueAt(iteration);
    double truncated = sd <= eps ? eps : sd;
    double delta = direction.biggerIsBetter() ? mean - best - t : t + best - mean;
    double z = sd <= eps ? 0.0 : delta / truncated;
    return delta * StandardNormal.cdf(z) + truncated * StandardNormal.pdf(z);
  }

  @Override
  public String label() {
    return "the expected improvement" + (tradeOff.isVariable()
        ? " with variable trade-off values." : "");
  }
}
