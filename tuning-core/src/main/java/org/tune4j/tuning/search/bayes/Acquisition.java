package org.tune4j.tuning.search.bayes;

import org.tune4j.tuning.metrics.Direction;

/**
 * An acquisition function: scores a candidate from the Gaussian process's predicted mean and
 * standard deviation, bigger being better whatever the metric's direction (tune's
 * {@code acquisition_function} objects and their {@code predict()} methods in
 * {@code R/acquisition.R}).
 *
 * <p>{@link #expImprove} and {@link #probImprove} compare with the best outcome so far; their
 * trade-off is in the outcome's units and favours exploration when positive. {@link #confBound}
 * ignores the best outcome. Each trade-off may be a {@link TradeOff} function of the iteration.
 * Implementations are immutable records and thread-safe.
 *
 * <pre>{@code
 * Acquisition ei = Acquisition.expImprove(0.01);
 * double score = ei.score(new GpPrediction(0.85, 0.02), Direction.MAXIMIZE, 1, 0.84);
 * }</pre>
 */
public sealed interface Acquisition
    permits ExpectedImprovement, ProbabilityOfImprovement, ConfidenceBound {

  /** tune's {@code eps = .Machine$double.eps}: standard deviations at or below it are floored. */
  double DEFAULT_EPS = Math.ulp(1.0);
  /** tune's default {@code kappa} of {@code conf_bound()}. */
  double DEFAULT_KAPPA = 0.1;

  /**
   * The score of a candidate (tune's {@code objective} column).
   *
   * @param mean the predicted mean
   * @param sd the predicted standard deviation
   * @param direction the metric's direction (tune's {@code maximize})
   * @param iteration the search iteration, from 1, for trade-offs that vary
   * @param best the best outcome so far (ignored by {@link ConfidenceBound})
   * @throws IllegalArgumentException if {@code best} is not finite where it is used
   */
  double score(double mean, double sd, Direction direction, int iteration, double best);

  /** {@link #score(double, double, Direction, int, double)} of a prediction. */
  default double score(GpPrediction prediction, Direction direction, int iteration,
      double best) {
    return score(prediction.mean(), prediction.sd(), direction, iteration, best);
  }

  /** tune's label, e.g. {@code "the expected improvement"}, for progress messages. */
  String label();

  /** {@code exp_improve()}: trade-off 0. */
  static ExpectedImprovement expImprove() {
    return expImprove(0.0);
  }

  /** {@code exp_improve(trade_off)}. */
  static ExpectedImprovement expImprove(double tradeOff) {
    return new ExpectedImprovement(TradeOff.constant(tradeOff), DEFAULT_EPS);
  }

  /** {@code exp_improve(trade_off = function(iter) ...)}. */
  static ExpectedImprovement expImprove(TradeOff tradeOff) {
    return new ExpectedImprovement(tradeOff, DEFAULT_EPS);
  }

  /** {@code prob_improve()}: trade-off 0. */
  static ProbabilityOfImprovement probImprove() {
    return probImprove(0.0);
  }

  /** {@code prob_improve(trade_off)}. */
  static ProbabilityOfImprovement probImprove(double tradeOff) {
    return new ProbabilityOfImprovement(TradeOff.constant(tradeOff), DEFAULT_EPS);
  }

  /** {@code prob_improve(trade_off = function(iter) ...)}. */
  static ProbabilityOfImprovement probImprove(TradeOff tradeOff) {
    return new ProbabilityOfImprovement(tradeOff, DEFAULT_EPS);
  }

  /** {@code conf_bound()}: kappa 0.1. */
  static ConfidenceBound confBound() {
    return confBound(DEFAULT_KAPPA);
  }

  /** {@code conf_bound(kappa)}. */
  static ConfidenceBound confBound(double kappa) {
    return new ConfidenceBound(TradeOff.constant(kappa));
  }

  /** {@code conf_bound(kappa = function(iter) ...)}. */
  static ConfidenceBound confBound(TradeOff kappa) {
    return new ConfidenceBound(kappa);
  }

  /** Checks {@code best} as tune's {@code check_number_decimal(best)}. */
  static void checkBest(double best) {
    if (!Double.isFinite(best)) {
      throw new IllegalArgumentException("best is " + best
          + "; give the finite best outcome so far");
    }
  }

  /** Checks a direction argument. */
  static void checkDirection(Direction direction) {
    if (direction == null) {
      throw new IllegalArgumentException("direction is null; choose from: MAXIMIZE, MINIMIZE");
    }
  }

  /** Checks a trade-off and eps. */
  static void checkSettings(TradeOff tradeOff, double eps) {
    if (tradeOff == null) {
      throw new IllegalArgumentException("trade_off is null; give a number or a function");
    }
    if (!(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("eps is " + eps
          + "; give a small number > 0, e.g. " + DEFAULT_EPS);
    }
  }
}
