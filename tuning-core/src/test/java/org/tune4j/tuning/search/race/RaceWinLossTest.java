package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.metrics.Direction.MAXIMIZE;
import static org.tune4j.tuning.metrics.Direction.MINIMIZE;
import static org.tune4j.tuning.search.race.RaceTables.NA;
import static org.tune4j.tuning.search.race.RaceTables.table;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RaceWinLoss} by hand and against {@code BradleyTerry2::BTm(br = TRUE)}: the constants
 * are printed by {@code tuning-core/src/test/r/race_oracle.R} (the {@code *_tight} cases, where
 * brglm iterates until the modified scores sum to 1e-15 instead of its default 1e-8; at the
 * default its abilities are off by up to 2e-10).
 */
class RaceWinLossTest {

  /** Both fits converged to modified scores of about 1e-15. */
  private static final double BRGLM = 1e-11;
  private static final double EXACT = 1e-13;

  private static final double[][] FIVE = {
      {0.80, 0.82, 0.79, 0.85, 0.81, 0.77},
      {0.81, 0.80, 0.76, 0.83, 0.81, 0.78},
      {0.70, 0.83, 0.72, 0.74, 0.73, 0.71},
      {0.60, 0.61, 0.62, 0.63, 0.64, 0.65},
      {0.75, 0.75, 0.75, 0.75, 0.75, 0.75}};

  private static void check(RaceComparison c, String config, double value, double stdErr,
      double lower, double upper, boolean pass) {
    assertEquals(config, c.configId());
    assertEquals(value, c.estimate(), BRGLM, config + " ability");
    assertEquals(stdErr, c.stdErr(), BRGLM, config + " std. error");
    assertEquals(lower, c.lower(), BRGLM, config + " lower");
    assertEquals(upper, c.upper(), BRGLM, config + " upper");
    assertEquals(pass, c.pass(), config + " pass");
  }

  /**
   * a beats b on r2, r3, r4 and loses r1: 3 wins of 4. With one ability, Firth's estimate adds
   * half a win to each side: P(a beats b) = 3.5 / 5 = 0.7, so λ_b = −log(3.5 / 1.5), and
   * stdErr = 1 / sqrt(4 · 0.7 · 0.3) = 1 / sqrt(0.84). q = qt(0.95, 1) = tan(0.45π).
   */
  @Test
  void twoPlayersByHand() {
    RaceDecision d = RaceWinLoss.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, 0.79, 0.85}, new double[] {0.81, 0.80, 0.76, 0.83}), 0.05);
    assertEquals("c1", d.bestConfig());
    RaceComparison b = d.comparisons().get(1);
    double value = -Math.log(3.5 / 1.5);
    double se = 1 / Math.sqrt(0.84);
    double q = Math.tan(0.45 * Math.PI);
    assertEquals(value, b.estimate(), EXACT);
    assertEquals(se, b.stdErr(), EXACT);
    assertEquals(value + q * se, b.upper(), EXACT);
    assertTrue(b.pass());
    // and R: value -0.84729786038720345, stderr 1.0910894511799618, upper 6.0415698146462358
    check(b, "c2", -0.84729786038720345, 1.0910894511799618, -7.7361655354206427,
        6.0415698146462358, true);
  }

  @Test
  void fiveConfigsMaximize() {
    // R: zero-variance c5; skunked c4; wins 8.5 7.5 2.0; best c1
    RaceDecision d = RaceWinLoss.testParameters(table(MAXIMIZE, FIVE), 0.05);
    assertEquals("c1", d.bestConfig());
    List<RaceComparison> rows = d.comparisons();
    check(rows.get(1), "c2", -0.23023740365454598, 0.71553979272444346, -4.7479778537787638,
        4.2875030464696717, true);
    check(rows.get(2), "c3", -1.5188433736177969, 0.82011317426337915, -6.6968341698281595,
        3.6591474225925662, true);
    assertEquals("c5", rows.get(3).configId());
    assertEquals("c4", rows.get(4).configId());
    assertFalse(rows.get(3).pass());
    assertTrue(Double.isNaN(rows.get(4).estimate()));
    assertEquals(List.of("c1", "c2", "c3"), d.passing());
  }

  @Test
  void fiveConfigsMinimizeAtAlphaPointOne() {
    // R: zero-variance c5; no skunk; wins 18.0 10.0 4.5 3.5; best c4; q = 3.0776835371752544
    RaceDecision d = RaceWinLoss.testParameters(table(MINIMIZE, FIVE), 0.1);
    assertEquals("c4", d.bestConfig());
    List<RaceComparison> rows = d.comparisons();
    check(rows.get(1), "c3", -2.8565259231967706, 1.4719571655876453, -7.3867442591530157,
        1.673692412759475, true);
    check(rows.get(2), "c2", -4.1398051463118382, 1.5554802528537526, -8.9270811129210337,
        0.64747082029735825, true);
    check(rows.get(3), "c1", -4.3703348021424056, 1.5692210440725773, -9.1999005756735421,
        0.45923097138873015, true);
    assertEquals(List.of("c4", "c3", "c2", "c1"), d.passing());
  }

  @Test
  void missingEstimatesPlayOnlyCommonResamples() {
    // R: wins 5 3 1; c4 has two resamples, not four, and is not compared
    RaceDecision d = RaceWinLoss.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, NA, 0.85, 0.81},
        new double[] {0.78, NA, 0.76, 0.83, 0.84},
        new double[] {NA, 0.75, 0.80, 0.74, 0.73},
        new double[] {0.90, NA, NA, NA, 0.91}), 0.05);
    check(d.comparisons().get(1), "c2", -0.86533975598151347, 1.0763422706694912,
        -7.6610973977297823, 5.9304178857667553, true);
    check(d.comparisons().get(2), "c3", -1.7306795119630269, 1.1984307611878637,
        -9.2972735456460605, 5.8359145217200057, true);
    assertEquals(List.of("c4"), d.notCompared());
  }

  @Test
  void mercyRuleWhenTheOtherIsSkunked() {
    // c2 loses every game: eliminated before any model; c1 is left alone
    RaceDecision d = RaceWinLoss.testParameters(table(MAXIMIZE,
        new double[] {0.9, 0.8, 0.85}, new double[] {0.7, 0.6, 0.65}), 0.05);
    assertEquals(List.of("c1"), d.passing());
    assertEquals(2, d.comparisons().size());
    assertTrue(Double.isNaN(d.comparisons().get(1).estimate()));
    assertEquals(List.of(), d.notes());
  }

  @Test
  void allZeroVarianceFallsBackToPlaying() {
    // every config constant: finetune would drop them all; here c1 wins every game instead
    RaceDecision d = RaceWinLoss.testParameters(table(MAXIMIZE,
        new double[] {0.8, 0.8, 0.8}, new double[] {0.7, 0.7, 0.7}), 0.05);
    assertEquals(List.of("c1"), d.passing());
    assertTrue(d.notes().get(0).contains("zero-variance rule would eliminate them all"));
  }

  @Test
  void halfWinsForTies() {
    // c1 and c2 tie everywhere but r3, which c2 wins: c1 1.0 win, c2 2.0 wins -> c2 best
    RaceDecision d = RaceWinLoss.testParameters(table(MINIMIZE,
        new double[] {0.3, 0.4, 0.5}, new double[] {0.3, 0.4, 0.2}), 0.05);
    assertEquals("c2", d.bestConfig());
    // two players: P(c2 beats c1) = (2 + 0.5) / (3 + 1)
    double p = 2.5 / 4;
    assertEquals(-Math.log(p / (1 - p)), d.comparisons().get(1).estimate(), EXACT);
  }
}
