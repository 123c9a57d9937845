package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.metrics.Direction.MAXIMIZE;
import static org.tune4j.tuning.metrics.Direction.MINIMIZE;
import static org.tune4j.tuning.search.race.RaceTables.NA;
import static org.tune4j.tuning.search.race.RaceTables.negated;
import static org.tune4j.tuning.search.race.RaceTables.table;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RaceAnova} against lme4: the constants are printed by
 * {@code tuning-core/src/test/r/race_oracle.R} (lme4 1.1-31's default {@code lmer}, then
 * finetune's {@code confint(method = "Wald", level = 1 - alpha)}). lme4's optimizer stops
 * near, not at, the REML optimum (the criterion is flat there): its standard errors move by
 * about 1e-9 relative when the script refits with tight tolerances (its "tight" lines), and
 * the estimates of the unbalanced tables by up to 4e-9. {@link #LME4} covers that gap; the
 * Java fit solves the REML equation to near machine precision.
 */
class RaceAnovaOracleTest {

  private static final double LME4 = 1e-8;

  private static final double[][] BALANCED = {
      {0.80, 0.82, 0.79, 0.85},
      {0.78, 0.80, 0.76, 0.83},
      {0.70, 0.75, 0.72, 0.74}};

  private static final double[][] UNBALANCED = {
      {0.80, 0.82, NA, 0.85, 0.81},
      {0.78, NA, 0.76, 0.83, 0.80},
      {NA, 0.75, 0.72, 0.74, 0.73},
      {0.90, NA, NA, NA, 0.91}};

  /** One config's expected row: estimate, std. error, lower, upper, pass. */
  private record Expected(String config, double estimate, double stdErr, double lower,
      double upper, boolean pass) {}

  private static void check(RaceDecision d, String best, Expected... rows) {
    assertEquals(best, d.bestConfig());
    assertEquals(rows.length + 1, d.comparisons().size(), d.toString());
    RaceComparison first = d.comparisons().get(0);
    assertEquals(0, first.estimate());
    assertTrue(first.pass());
    for (int r = 0; r < rows.length; r++) {
      RaceComparison c = d.comparisons().get(r + 1);
      Expected e = rows[r];
      assertEquals(e.config(), c.configId());
      assertEquals(e.estimate(), c.estimate(), LME4, e.config() + " estimate");
      assertEquals(e.stdErr(), c.stdErr(), LME4, e.config() + " std. error");
      assertEquals(e.lower(), c.lower(), LME4, e.config() + " lower");
      assertEquals(e.upper(), c.upper(), LME4, e.config() + " upper");
      assertEquals(e.pass(), c.pass(), e.config() + " pass");
    }
  }

  @Test
  void balancedMaximize() {
    // theta 1.7602160886299938, sigma 0.013017082778678793
    check(RaceAnova.testParameters(table(MAXIMIZE, BALANCED), 0.05), "c1",
        new Expected("c2", -0.022499999999999805, 0.0092044675040704009,
            -0.040540424804847069, -0.0044595751951525403, false),
        new Expected("c3", -0.087499999999999759, 0.0092044675040704009,
            -0.10554042480484702, -0.069459575195152501, false));
  }

  @Test
  void balancedAlphaPointTwo() {
    check(RaceAnova.testParameters(table(MAXIMIZE, BALANCED), 0.2), "c1",
        new Expected("c2", -0.022499999999999805, 0.0092044675040704009,
            -0.03429599973984563, -0.010704000260153978, false),
        new Expected("c3", -0.087499999999999759, 0.0092044675040704009,
            -0.099295999739845583, -0.075704000260153934, false));
  }

  @Test
  void balancedMinimize() {
    check(RaceAnova.testParameters(table(MINIMIZE, negated(BALANCED)), 0.05), "c1",
        new Expected("c2", 0.022499999999999805, 0.0092044675040704009,
            0.0044595751951525403, 0.040540424804847069, false),
        new Expected("c3", 0.087499999999999759, 0.0092044675040704009,
            0.069459575195152501, 0.10554042480484702, false));
  }

  @Test
  void boundaryMinimize() {
    // theta 0 (singular fit), sigma 0.04358898943540674
    RaceDecision d = RaceAnova.testParameters(table(MINIMIZE,
        new double[] {0.30, 0.41, 0.35},
        new double[] {0.36, 0.31, 0.40},
        new double[] {0.52, 0.49, 0.47}), 0.05);
    check(d, "c1",
        new Expected("c2", 0.0033333333333334194, 0.035590260840104367,
            -0.066422296113657367, 0.073088962780324215, true),
        new Expected("c3", 0.14000000000000015, 0.03559026084010438,
            0.070244370553009333, 0.20975562944699097, false));
    assertTrue(d.notes().get(0).contains("singular"), d.notes().toString());
  }

  @Test
  void unbalancedMaximize() {
    // theta 1.3616161569670404, sigma 0.013260037531890435; c4 has 3 resamples, not 4
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE, UNBALANCED), 0.05);
    check(d, "c1",
        new Expected("c2", -0.02067499241488573, 0.0098749455516962837,
            -0.040029530045504455, -0.0013204547842670042, false),
        new Expected("c3", -0.083361998179573085, 0.0098749455516962872,
            -0.10271653581019181, -0.064007460548954356, false));
    assertEquals(List.of("c4"), d.notCompared());
    assertEquals(List.of(), d.notes());
  }

  @Test
  void unbalancedMinimize() {
    check(RaceAnova.testParameters(table(MINIMIZE, negated(UNBALANCED)), 0.05), "c1",
        new Expected("c2", 0.02067499241488573, 0.0098749455516962837,
            0.0013204547842670042, 0.040029530045504455, false),
        new Expected("c3", 0.083361998179573085, 0.0098749455516962872,
            0.064007460548954356, 0.10271653581019181, false));
  }

  @Test
  void unbalancedBoundaryMinimize() {
    // theta 0.47367687151913673 (interior), sigma 0.039607591276569917
    check(RaceAnova.testParameters(table(MINIMIZE,
        new double[] {0.30, 0.41, NA, 0.35},
        new double[] {0.36, NA, 0.31, 0.40},
        new double[] {NA, 0.52, 0.49, 0.47}), 0.05), "c1",
        new Expected("c2", 0.010591234158369711, 0.033207987397725437,
            -0.054495225140232126, 0.075677693456971548, true),
        new Expected("c3", 0.14000000000000004, 0.033207987397725437,
            0.074913540701398204, 0.20508645929860186, false));
  }

  @Test
  void unbalancedZeroResampleVariance() {
    // theta 0, sigma 1.4142135623730951: pooled residual (2 + 8 + 2) / (9 − 3) = 2, and
    // se = sqrt(2 · (1/3 + 1/3)) = 1.1547005383792515
    RaceDecision d = RaceAnova.testParameters(table(MINIMIZE,
        new double[] {1, 3, 2, NA},
        new double[] {3, 1, NA, 5},
        new double[] {NA, 2, 4, 3}), 0.05);
    check(d, "c1",
        new Expected("c2", 0.99999999999999989, 1.1547005383792515,
            -1.2631714681523429, 3.2631714681523429, true),
        new Expected("c3", 1.0000000000000002, 1.1547005383792517,
            -1.2631714681523432, 3.2631714681523434, true));
    assertTrue(d.notes().get(0).contains("singular"), d.notes().toString());
  }

  @Test
  void chainWithOneResidualDegreeOfFreedom() {
    // theta 1.8091778674421031, sigma 0.022776721010970814
    check(RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, NA, 0.70},
        new double[] {NA, 0.78, 0.75, 0.71}), 0.05), "c1",
        new Expected("c2", -0.018666361477587365, 0.02155076020273658,
            -0.060905075314410168, 0.023572352359235438, true));
  }

  @Test
  void disjointResamplesFallBackToLm() {
    // lmer refuses (6 levels, 6 rows); lm: sigma 0.033665016461206843 on 3 df, t interval
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.84, NA, NA, NA, NA},
        new double[] {NA, NA, 0.70, 0.74, NA, NA},
        new double[] {NA, NA, NA, NA, 0.60, 0.66}), 0.05);
    check(d, "c1",
        new Expected("c2", -0.10000000000000028, 0.033665016461206849,
            -0.20713710725428322, 0.0071371072542826541, true),
        new Expected("c3", -0.19000000000000025, 0.033665016461206849,
            -0.29713710725428322, -0.082862892745717315, false));
    assertTrue(d.notes().get(0).contains("t interval on 3 degrees"), d.notes().toString());
  }

  @Test
  void zeroResidualVarianceAgreesWithLme4sDecision() {
    // lmer's theta runs off to 2431203 and its std. errors are 3e-9; ours are exactly 0
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, 0.79},
        new double[] {0.78, 0.80, 0.77},
        new double[] {0.70, 0.72, 0.69}), 0.05);
    assertEquals(-0.019999999999999928, d.comparisons().get(1).estimate(), LME4);
    assertEquals(-0.099999999999999992, d.comparisons().get(2).estimate(), LME4);
    assertEquals(0, d.comparisons().get(1).stdErr());
    assertEquals(List.of("c1"), d.passing());
    assertTrue(d.notes().get(0).contains("zero residual variance"), d.notes().toString());
  }

  @Test
  void quantilesMatchR() {
    assertEquals(1.9599639845400536, Quantiles.normal(0.975), 1e-15);
    assertEquals(1.6448536269514715, Quantiles.normal(0.95), 1e-15);
    assertEquals(6.3137515146750376, Quantiles.t(0.95, 1), 1e-13);
    assertEquals(3.0776835371752544, Quantiles.t(0.9, 1), 1e-13);
  }
}
