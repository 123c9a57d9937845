package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Transform;

/** Small parameter sets and histories of known functions for the Bayesian tests. */
final class GpFixtures {

  static final UnitEncoding ONE_D = UnitEncoding.of(ParameterSet.of(
      NumericParameter.ofDouble("x", "X", 0, 1, Transform.IDENTITY)));
  static final UnitEncoding TWO_D = UnitEncoding.of(ParameterSet.of(
      NumericParameter.ofDouble("x", "X", 0, 1, Transform.IDENTITY),
      NumericParameter.ofDouble("y", "Y", 0, 1, Transform.IDENTITY)));

  private GpFixtures() {}

  /** {@code n} evenly spread points {@code (i + 0.5) / n} in one dimension. */
  static List<UnitPoint> line(int n) {
    List<UnitPoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(UnitPoint.of((i + 0.5) / n));
    }
    return points;
  }

  /** The history of {@code f} at {@code points}. */
  static History history(List<UnitPoint> points, ToDoubleFunction<UnitPoint> f) {
    List<Double> y = new ArrayList<>();
    for (UnitPoint p : points) {
      y.add(f.applyAsDouble(p));
    }
    return History.of(points, y);
  }

  static double sine(UnitPoint p) {
    return Math.sin(2 * Math.PI * p.get(0));
  }

  static double bowl(UnitPoint p) {
    double a = p.get(0) - 0.3;
    double b = p.get(1) - 0.6;
    return a * a + 0.5 * b * b + 0.1 * Math.sin(5 * p.get(0));
  }

  /**
   * Outcomes that alternate in sign along {@link #line}: each point is predicted from its
   * neighbours with the wrong sign, so no fit survives tune's leave-one-out check.
   */
  static History alternating(int n) {
    List<UnitPoint> points = line(n);
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      y.add(i % 2 == 0 ? 1.0 : -1.0);
    }
    return History.of(points, y);
  }

  /** A Latin hypercube of {@code n} raw points in {@code d} dimensions. */
  static List<UnitPoint> design(int n, int d, long seed) {
    List<UnitPoint> points = new ArrayList<>();
    for (double[] row : CandidatePool.unitDesign(n, d, seed)) {
      points.add(UnitPoint.of(row));
    }
    return points;
  }
}
