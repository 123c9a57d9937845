package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.metrics.Direction.MAXIMIZE;
import static org.tune4j.tuning.metrics.Direction.MINIMIZE;
import static org.tune4j.tuning.search.race.RaceTables.table;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two-way ANOVA cases worked out by hand (the arithmetic is in the comments). */
class RaceAnovaHandTest {

  /** Rational arithmetic in doubles: only the last bits round. */
  private static final double EXACT = 1e-12;

  /**
   * c1: 10 14 12, c2: 8 13 9. Row means 12, 10; resample means 9, 13.5, 10.5; grand mean 11.
   * Residuals y − row − col + 11: c1 0 −0.5 0.5, c2 0 0.5 −0.5, so SS_error = 1 on
   * (2−1)(3−1) = 2 df, MS_error = 0.5. SS_resample = 2 · (2² + 2.5² + 0.5²) = 21 on 2 df,
   * MS_resample = 10.5 > MS_error: σ²_resample = (10.5 − 0.5) / 2 = 5, σ² = 0.5. The difference
   * c2 − c1 = −2 has standard error sqrt(2 · 0.5 / 3) = sqrt(1/3).
   */
  private static final RaceTable INTERIOR = table(MAXIMIZE,
      new double[] {10, 14, 12}, new double[] {8, 13, 9});

  @Test
  void interiorVarianceComponents() {
    TwoWayAnova.Fit fit = TwoWayAnova.fit(new double[][] {{10, 14, 12}, {8, 13, 9}});
    assertEquals(0.5, fit.sigma2(), EXACT);
    assertEquals(5, fit.sigma2Resample(), EXACT);
    assertFalse(fit.boundary());
    assertEquals(1, fit.ssError(), EXACT);
  }

  @Test
  void interiorIntervalAtAlphaFivePercent() {
    // z = qnorm(0.975) = 1.959963984540054; upper = −2 + z · sqrt(1/3) = −0.868429... < 0
    RaceComparison c2 = RaceAnova.testParameters(INTERIOR, 0.05).comparisons().get(1);
    double se = Math.sqrt(1.0 / 3);
    assertEquals(-2, c2.estimate(), EXACT);
    assertEquals(se, c2.stdErr(), EXACT);
    assertEquals(-2 + 1.959963984540054 * se, c2.upper(), EXACT);
    assertEquals(-2 - 1.959963984540054 * se, c2.lower(), EXACT);
    assertFalse(c2.pass());
  }

  @Test
  void smallerAlphaWidensTheIntervalUntilC2Stays() {
    // alpha 1e-4: z = qnorm(1 − 5e-5) = 3.890591886...; upper = −2 + 3.8906 · 0.57735 = 0.2462
    RaceComparison c2 = RaceAnova.testParameters(INTERIOR, 1e-4).comparisons().get(1);
    assertEquals(-2 + 3.8905918864131199 * Math.sqrt(1.0 / 3), c2.upper(), EXACT);
    assertTrue(c2.pass());
    assertEquals(List.of("c1", "c2"), RaceAnova.testParameters(INTERIOR, 1e-4).passing());
  }

  /**
   * Minimize. c1: 1 3 2, c2: 3 1 5. Row means 2, 3; resample means 2, 2, 3.5; grand 2.5.
   * SS_resample = 2 · (0.25 + 0.25 + 1) = 3 on 2 df, MS = 1.5. Residuals c1 −0.5 1.5 −1,
   * c2 0.5 −1.5 1: SS_error = 7 on 2 df, MS = 3.5 > 1.5, so σ²_resample = 0 (boundary) and
   * σ² is the pooled (3 + 7) / (6 − 2) = 2.5 (= Σ (y − row mean)² / 4 = (2 + 8) / 4). The
   * difference c2 − c1 = 1 has standard error sqrt(2 · 2.5 / 3) = sqrt(5/3); the lower end
   * 1 − 1.96 · 1.29 = −1.53 < 0, so c2 stays.
   */
  @Test
  void boundaryUsesThePooledVariance() {
    RaceTable t = table(MINIMIZE, new double[] {1, 3, 2}, new double[] {3, 1, 5});
    TwoWayAnova.Fit fit = TwoWayAnova.fit(new double[][] {{1, 3, 2}, {3, 1, 5}});
    assertTrue(fit.boundary());
    assertEquals(0, fit.sigma2Resample());
    assertEquals(2.5, fit.sigma2(), EXACT);
    RaceDecision d = RaceAnova.testParameters(t, 0.05);
    RaceComparison c2 = d.comparisons().get(1);
    assertEquals("c1", d.bestConfig());
    assertEquals(1, c2.estimate(), EXACT);
    assertEquals(Math.sqrt(5.0 / 3), c2.stdErr(), EXACT);
    assertEquals(1 - 1.959963984540054 * Math.sqrt(5.0 / 3), c2.lower(), EXACT);
    assertTrue(c2.pass());
    assertEquals(1, d.notes().size());
    assertTrue(d.notes().get(0).contains("resample variance is estimated as zero"));
  }

  /**
   * The best is the reference level whatever the candidate order: c2 (mean 12) first, c1
   * (mean 10) second; the difference c1 − c2 = −2 as in the interior case.
   */
  @Test
  void bestIsTheReferenceLevel() {
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {8, 13, 9}, new double[] {10, 14, 12}), 0.05);
    assertEquals("c2", d.bestConfig());
    assertEquals("c1", d.comparisons().get(1).configId());
    assertEquals(-2, d.comparisons().get(1).estimate(), EXACT);
  }

  /** Tied means: candidate order decides the best, as R's stable {@code order}. */
  @Test
  void tiedMeansKeepCandidateOrder() {
    RaceDecision d = RaceAnova.testParameters(table(MINIMIZE,
        new double[] {1, 3, 2}, new double[] {2, 2, 2}, new double[] {3, 1, 2}), 0.05);
    assertEquals("c1", d.bestConfig());
    assertEquals(List.of("c1", "c2", "c3"),
        d.comparisons().stream().map(RaceComparison::configId).toList());
  }
}
