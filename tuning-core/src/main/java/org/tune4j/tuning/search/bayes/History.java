package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.tuning.metrics.Direction;

/**
 * The candidates evaluated so far: their encoded points and the outcome of each, the mean of
 * the metric being optimised over the resamples (tune's {@code mean} column of
 * {@code collect_metrics()} for the first metric).
 *
 * <p>Candidates whose metric is missing must be left out, as tune's {@code check_gp_data()}
 * drops them before the fit. Immutable and thread-safe.
 *
 * <pre>{@code
 * History h = History.of(List.of(enc.encode(c1), enc.encode(c2)), List.of(0.81, 0.86));
 * double best = h.best(Direction.MAXIMIZE);   // 0.86
 * }</pre>
 *
 * @param points the encoded candidates, all of one dimension
 * @param outcomes the outcome of each candidate, finite, in the same order
 */
public record History(List<UnitPoint> points, List<Double> outcomes) {

  /** Validates and copies the arguments. */
  public History {
    if (points == null || outcomes == null || points.size() != outcomes.size()
        || points.isEmpty()) {
      throw new IllegalArgumentException("history has " + (points == null ? null
          : points.size()) + " points and " + (outcomes == null ? null : outcomes.size())
          + " outcomes; give at least one point and one outcome per point");
    }
    points = List.copyOf(points);
    outcomes = List.copyOf(outcomes);
    int d = points.get(0).dimension();
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).dimension() != d) {
        throw new IllegalArgumentException("point " + i + " of the history has "
            + points.get(i).dimension() + " coordinates; give " + d + " like the first");
      }
      if (!Double.isFinite(outcomes.get(i))) {
        throw new IllegalArgumentException("outcome " + i + " of the history is "
            + outcomes.get(i) + "; leave out candidates whose metric is missing, as tune does");
      }
    }
  }

  /** Same as the constructor. */
  public static History of(List<UnitPoint> points, List<Double> outcomes) {
    return new History(points, outcomes);
  }

  /** The number of evaluated candidates. */
  public int size() {
    return points.size();
  }

  /** The dimension of the points. */
  public int dimension() {
    return points.get(0).dimension();
  }

  /** A copy with one more candidate at the end. */
  public History with(UnitPoint point, double outcome) {
    List<UnitPoint> p = new ArrayList<>(points);
    List<Double> o = new ArrayList<>(outcomes);
    p.add(point);
    o.add(outcome);
    return new History(p, o);
  }

  /**
   * The best outcome for {@code direction}: the largest when maximising, the smallest when
   * minimising (tune's {@code best_val} in its score card).
   */
  public double best(Direction direction) {
    double best = outcomes.get(0);
    for (double y : outcomes) {
      best = direction.biggerIsBetter() ? Math.max(best, y) : Math.min(best, y);
    }
    return best;
  }

  /** The worst outcome for {@code direction}. */
  public double worst(Direction direction) {
    return best(direction == Direction.MAXIMIZE ? Direction.MINIMIZE : Direction.MAXIMIZE);
  }

  /** The mean outcome. */
  public double meanOutcome() {
    double sum = 0;
    for (double y : outcomes) {
      sum += y;
    }
    return sum / outcomes.size();
  }
}
