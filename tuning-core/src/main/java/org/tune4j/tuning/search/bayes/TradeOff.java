package org.tune4j.tuning.search.bayes;

import java.util.function.IntToDoubleFunction;

/**
 * An acquisition function's trade-off ({@code trade_off} of {@code exp_improve()} and
 * {@code prob_improve()}, {@code kappa} of {@code conf_bound()}): a constant, or a function of
 * the search iteration, as tune allows (tune calls it with the iteration number only).
 *
 * <p>Iterations count from 1 as in tune's loop ({@code seq_len(iter) + overall_iter}, 0 for an
 * initial grid). Constants are equal by value, functions by identity. Immutable and thread-safe
 * if the function is.
 *
 * <pre>{@code
 * TradeOff fixed = TradeOff.constant(0.01);
 * TradeOff decaying = TradeOff.expoDecay(0.1, 0.0, 0.2);   // tune's expo_decay()
 * double at3 = decaying.valueAt(3);
 * }</pre>
 */
public final class TradeOff {

  private final Double constant;
  private final IntToDoubleFunction function;
  private final String description;

  private TradeOff(Double constant, IntToDoubleFunction function, String description) {
    this.constant = constant;
    this.function = function;
    this.description = description;
  }

  /**
   * A fixed value.
   *
   * @throws IllegalArgumentException if it is not finite
   */
  public static TradeOff constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("trade-off is " + value + "; give a finite number");
    }
    return new TradeOff(value, null, Double.toString(value));
  }

  /**
   * A value computed from the iteration, e.g. {@code iter -> 0.1 / iter}.
   *
   * @param description how to print it, e.g. {@code "0.1 / iter"}
   */
  public static TradeOff of(IntToDoubleFunction function, String description) {
    if (function == null || description == null || description.isBlank()) {
      throw new IllegalArgumentException("trade-off function is " + function
          + " with description \"" + description + "\"; give both");
    }
    return new TradeOff(null, function, description);
  }

  /**
   * tune's {@code expo_decay(iter, start_val, limit_val, slope)}: {@code start + (limit -
   * start) * (1 - exp(-slope * (iter - 1)))}, which is {@code start} at iteration 1 and tends to
   * {@code limit}.
   */
  public static TradeOff expoDecay(double startValue, double limitValue, double slope) {
    if (!Double.isFinite(startValue) || !Double.isFinite(limitValue) || !(slope > 0)
        || Double.isInfinite(slope)) {
      throw new IllegalArgumentException("expo_decay has start " + startValue + ", limit "
          + limitValue + ", slope " + slope + "; give finite values and a slope > 0 (tune's"
          + " default is 1/5)");
    }
    return of(iter -> startValue + (limitValue - startValue)
        * (1 - Math.exp(-slope * (iter - 1))), "expo_decay(start_val = " + startValue
        + ", limit_val = " + limitValue + ", slope = " + slope + ")");
  }

  /** Whether the value depends on the iteration. */
  public boolean isVariable() {
    return function != null;
  }

  /**
   * The value at {@code iteration}.
   *
   * @throws IllegalStateException if the function gives a value that is not finite
   */
  public double valueAt(int iteration) {
    if (constant != null) {
      return constant;
    }
    double v = function.applyAsDouble(iteration);
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("trade-off " + description + " is " + v
          + " at iteration " + iteration + "; the function must give finite numbers");
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TradeOff other && (constant != null
        ? constant.equals(other.constant) : function == other.function);
  }

  @Override
  public int hashCode() {
    return constant != null ? constant.hashCode() : System.identityHashCode(function);
  }

  @Override
  public String toString() {
    return description;
  }
}
