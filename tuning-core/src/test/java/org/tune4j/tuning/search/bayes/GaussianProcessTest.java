package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.QualitativeParameter;
import org.tune4j.tuning.params.Transform;

class GaussianProcessTest {

  /** How close the mean must be to the outcome at a training point (nugget 1e-6). */
  private static final double INTERPOLATION_TOL = 1e-3;
  /** The largest sd at a training point, as a share of the outcome's sd. */
  private static final double TRAINING_SD_SHARE = 5e-3;
  /** How close the mean must be to sin(2 pi x) between 12 training points. */
  private static final double BETWEEN_TOL = 0.05;
  private static final double RELATIVE_TOL = 1e-6;

  private static GaussianProcess fitted(UnitEncoding enc, History h, GpSettings s) {
    GpFit fit = GaussianProcess.fit(enc, h, s, 42L);
    assertTrue(fit.succeeded(), () -> fit.failure().orElse(""));
    return fit.modelOrThrow();
  }

  @Test
  void interpolatesItsTrainingPointsForBothKernels() {
    History h = GpFixtures.history(GpFixtures.line(12), GpFixtures::sine);
    for (Kernel kernel : Kernel.values()) {
      GaussianProcess gp = fitted(GpFixtures.ONE_D, h, GpSettings.defaults().withKernel(kernel));
      for (int i = 0; i < h.size(); i++) {
        GpPrediction p = gp.predict(h.points().get(i));
        assertEquals(h.outcomes().get(i), p.mean(), INTERPOLATION_TOL, kernel + " at " + i);
        assertTrue(p.sd() < TRAINING_SD_SHARE, kernel + " sd " + p.sd());
      }
    }
  }

  @Test
  void isSmoothAndMoreUncertainBetweenPoints() {
    History h = GpFixtures.history(GpFixtures.line(12), GpFixtures::sine);
    GaussianProcess gp = fitted(GpFixtures.ONE_D, h, GpSettings.defaults());
    double atTraining = gp.predict(h.points().get(5)).sd();
    double previous = gp.predict(UnitPoint.of(0.0)).mean();
    for (int k = 1; k <= 200; k++) {
      double x = k / 200.0;
      GpPrediction p = gp.predict(UnitPoint.of(x));
      if (x > 0.05 && x < 0.95) {
        assertEquals(Math.sin(2 * Math.PI * x), p.mean(), BETWEEN_TOL, "x = " + x);
      }
      // |f'| <= 2 pi: the mean should not jump more than a little above that slope
      assertTrue(Math.abs(p.mean() - previous) <= 1.5 * 2 * Math.PI / 200, "jump at " + x);
      previous = p.mean();
    }
    double midway = gp.predict(UnitPoint.of(6.0 / 12)).sd();   // between points 5 and 6
    assertTrue(midway > atTraining, midway + " vs " + atTraining);
    History left = GpFixtures.history(GpFixtures.line(12).subList(0, 6), GpFixtures::sine);
    GaussianProcess half = fitted(GpFixtures.ONE_D, left, GpSettings.defaults());
    double far = half.predict(UnitPoint.of(1.0)).sd();
    double near = half.predict(left.points().get(2)).sd();
    assertTrue(far > 10 * near, far + " vs " + near);
  }

  @Test
  void interpolatesInTwoDimensions() {
    History h = GpFixtures.history(GpFixtures.design(20, 2, 3L), GpFixtures::bowl);
    GaussianProcess gp = fitted(GpFixtures.TWO_D, h, GpSettings.defaults());
    for (int i = 0; i < h.size(); i++) {
      assertEquals(h.outcomes().get(i), gp.predict(h.points().get(i)).mean(),
          INTERPOLATION_TOL);
    }
    assertEquals(2, gp.hyperparameters().log10Theta().size());
    assertTrue(GpCheck.of(GpFit.success(gp)).usable());
  }

  @Test
  void isDeterministicForTheSeed() {
    History h = GpFixtures.history(GpFixtures.design(15, 2, 5L), GpFixtures::bowl);
    GpFit a = GaussianProcess.fit(GpFixtures.TWO_D, h, GpSettings.defaults(), 9L);
    GpFit b = GaussianProcess.fit(GpFixtures.TWO_D, h, GpSettings.defaults(), 9L);
    assertEquals(a.modelOrThrow().hyperparameters(), b.modelOrThrow().hyperparameters());
    UnitPoint x = UnitPoint.of(0.42, 0.17);
    assertEquals(a.modelOrThrow().predict(x), b.modelOrThrow().predict(x));
  }

  @Test
  void predictionsDoNotDependOnTheOutcomesUnits() {
    List<UnitPoint> points = GpFixtures.design(15, 2, 5L);
    History h = GpFixtures.history(points, GpFixtures::bowl);
    History scaled = GpFixtures.history(points, p -> 1000 * GpFixtures.bowl(p) + 5);
    GaussianProcess gp = fitted(GpFixtures.TWO_D, h, GpSettings.defaults());
    GaussianProcess big = fitted(GpFixtures.TWO_D, scaled, GpSettings.defaults());
    for (UnitPoint x : GpFixtures.design(10, 2, 6L)) {
      GpPrediction p = gp.predict(x);
      GpPrediction q = big.predict(x);
      assertEquals(1000 * p.mean() + 5, q.mean(), RELATIVE_TOL * 1000);
      assertEquals(1000 * p.sd(), q.sd(), RELATIVE_TOL * 1000);
    }
  }

  @Test
  void qualitativeParametersGetLevelCorrelations() {
    UnitEncoding enc = UnitEncoding.of(ParameterSet.of(
        NumericParameter.ofDouble("x", "X", 0, 1, Transform.IDENTITY),
        QualitativeParameter.of("act", "Act", List.of("relu", "tanh", "elu"))));
    double[] offset = {0, 1, -0.5};
    List<UnitPoint> points = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      double x = (i + 0.5) / 18;
      String level = List.of("relu", "tanh", "elu").get(i % 3);
      UnitPoint p = enc.encode(Map.of("x", x, "act", level));
      points.add(p);
      y.add(Math.sin(3 * x) + offset[i % 3]);
    }
    History h = History.of(points, y);
    GaussianProcess gp = fitted(enc, h, GpSettings.defaults());
    assertEquals(1, gp.hyperparameters().levelCorrelations().size());
    assertEquals(3, gp.hyperparameters().levelCorrelations().get(0).size());
    for (int i = 0; i < h.size(); i++) {
      assertEquals(y.get(i), gp.predict(points.get(i)).mean(), INTERPOLATION_TOL);
    }
  }

  @Test
  void leaveOneOutMatchesRefittingWithoutEachPoint() {
    History h = GpFixtures.history(GpFixtures.design(10, 2, 8L), GpFixtures::bowl);
    GaussianProcess gp = fitted(GpFixtures.TWO_D, h, GpSettings.defaults());
    LeaveOneOut loo = gp.leaveOneOut();
    Correlation corr = new Correlation(GpFixtures.TWO_D, gp.hyperparameters());
    double mu = gp.constantMean();
    double s2 = gp.processVariance();
    double nug = gp.hyperparameters().nugget();
    for (int i = 0; i < h.size(); i++) {
      List<UnitPoint> rest = new ArrayList<>(h.points());
      List<Double> yRest = new ArrayList<>(h.outcomes());
      UnitPoint xi = rest.remove(i);
      yRest.remove(i);
      double[][] r = corr.matrix(rest);
      double[] k = new double[rest.size()];
      double[] resid = new double[rest.size()];
      for (int a = 0; a < rest.size(); a++) {
        r[a][a] += nug;
        k[a] = corr.between(xi, rest.get(a));
        resid[a] = yRest.get(a) - mu;
      }
      org.apache.commons.math3.linear.DecompositionSolver solver =
          new org.apache.commons.math3.linear.LUDecomposition(
              new org.apache.commons.math3.linear.Array2DRowRealMatrix(r)).getSolver();
      double[] w = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(k))
          .toArray();
      double fit = mu + Posterior.dot(w, resid);
      double var = s2 * (1 + nug - Posterior.dot(w, k));
      assertEquals(fit, loo.fitted().get(i), 1e-6);
      assertEquals(Math.sqrt(var), loo.standardErrors().get(i), 1e-6);
    }
  }

  @Test
  void aFailedFitIsReportedNotThrown() {
    History flat = History.of(GpFixtures.line(5), List.of(0.7, 0.7, 0.7, 0.7, 0.7));
    GpFit fit = GaussianProcess.fit(GpFixtures.ONE_D, flat, GpSettings.defaults(), 1L);
    assertFalse(fit.succeeded());
    assertTrue(fit.failure().orElseThrow().startsWith("all of the outcome values were"
        + " identical"));
    IllegalStateException e = assertThrows(IllegalStateException.class, fit::modelOrThrow);
    assertTrue(e.getMessage().startsWith("the GP fit failed: all of the outcome values"));
    GpFit one = GaussianProcess.fit(GpFixtures.ONE_D, History.of(GpFixtures.line(1),
        List.of(0.5)), GpSettings.defaults(), 1L);
    assertEquals("the Gaussian process needs at least 2 candidates; the history has 1",
        one.failure().orElseThrow());
  }

  @Test
  void jitterIsAddedWhenTheMatrixIsNotPositiveDefinite() {
    UnitEncoding enc = UnitEncoding.of(ParameterSet.of(
        QualitativeParameter.of("act", "Act", List.of("relu", "tanh", "elu"))));
    History h = History.of(List.of(UnitPoint.of(0), UnitPoint.of(0.5), UnitPoint.of(1)),
        List.of(1.0, 2.0, 4.0));
    // correlations 0.9, 0.9, 0: eigenvalues 1 +- 0.9 sqrt(2), one negative
    GpHyperparameters hp = new GpHyperparameters(Kernel.MATERN_5_2, List.of(),
        List.of(List.of(0.9, 0.9, 0.0)), 1e-6);
    GpFit fit = GaussianProcess.fitWith(enc, h, hp);
    assertTrue(fit.succeeded());
    assertTrue(fit.modelOrThrow().hyperparameters().nugget() > 0.9 * Math.sqrt(2) - 1);
  }

  @Test
  void callersMistakesThrow() {
    History h = GpFixtures.history(GpFixtures.line(4), GpFixtures::sine);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GaussianProcess.fit(GpFixtures.TWO_D, h, GpSettings.defaults(), 1L));
    assertEquals("point [0.125] has 1 coordinates; give 2 (one per parameter: x, y)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GaussianProcess.fitWith(
        GpFixtures.ONE_D, h, new GpHyperparameters(Kernel.MATERN_3_2, List.of(0.0, 1.0),
            List.of(), 1e-6)));
    assertEquals("hyperparameters have 2 beta values and 0 level-correlation lists; the "
        + "parameters need 1 and 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> GpSettings.defaults().withNugget(0));
    assertEquals("nugget is 0.0; give a value in (0, 1), e.g. 1.0E-6", e.getMessage());
  }
}
