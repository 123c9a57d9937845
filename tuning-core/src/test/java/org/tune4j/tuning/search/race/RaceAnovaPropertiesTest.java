package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tune4j.tuning.metrics.Direction;

/** Invariants of the ANOVA rule over random small tables (values drawn from a given seed). */
class RaceAnovaPropertiesTest {

  /** Relative agreement of two exact computations of the same REML optimum. */
  private static final double SAME_OPTIMUM = 1e-11;
  private static final double ROUNDING = 1e-12;

  private static double[][] draw(long seed, int k, int b, double holes) {
    Random random = new Random(seed);
    double[] resample = new double[b];
    for (int j = 0; j < b; j++) {
      resample[j] = 0.05 * random.nextGaussian();
    }
    double[][] y = new double[k][b];
    for (int i = 0; i < k; i++) {
      double config = 0.8 + 0.02 * random.nextGaussian();
      for (int j = 0; j < b; j++) {
        y[i][j] = random.nextDouble() < holes ? Double.NaN
            : config + resample[j] + 0.01 * random.nextGaussian();
      }
    }
    return y;
  }

  @Property(tries = 200)
  void exactRemlEqualsTheClosedFormOnCompleteTables(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int k, @ForAll @IntRange(min = 2, max = 6) int b) {
    double[][] y = draw(seed, k, b, 0);
    TwoWayAnova.Fit closed = TwoWayAnova.fit(y);
    RandomInterceptReml.Fit reml = new RandomInterceptReml(y, 0).fit();
    assertEquals(closed.sigma2(), reml.sigma2(), SAME_OPTIMUM * closed.sigma2());
    double ratio = closed.sigma2Resample() / closed.sigma2();
    assertEquals(ratio, reml.gamma(), SAME_OPTIMUM * Math.max(ratio, 1e-3));
    double se = Math.sqrt(2 * closed.sigma2() / b);
    assertEquals(se, reml.diffStdErr(1, 0), SAME_OPTIMUM * se);
  }

  @Property(tries = 200)
  void minimizingTheNegatedTableMirrorsTheDecision(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int k, @ForAll @IntRange(min = 2, max = 6) int b) {
    double[][] y = draw(seed, k, b, 0.15);
    RaceDecision max = RaceAnova.testParameters(RaceTables.table(Direction.MAXIMIZE, y), 0.05);
    RaceDecision min = RaceAnova.testParameters(
        RaceTables.table(Direction.MINIMIZE, RaceTables.negated(y)), 0.05);
    assertEquals(max.passing(), min.passing());
    for (int r = 0; r < max.comparisons().size(); r++) {
      RaceComparison a = max.comparisons().get(r);
      RaceComparison c = min.comparisons().get(r);
      assertEquals(-a.estimate(), c.estimate(), ROUNDING);
      assertEquals(a.stdErr(), c.stdErr(), ROUNDING);
    }
  }

  @Property(tries = 200)
  void shiftingEveryEstimateChangesNothing(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int k, @ForAll @IntRange(min = 2, max = 6) int b) {
    double[][] y = draw(seed, k, b, 0.15);
    double[][] shifted = new double[k][b];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < b; j++) {
        shifted[i][j] = y[i][j] + 0.125;
      }
    }
    RaceDecision d = RaceAnova.testParameters(RaceTables.table(Direction.MAXIMIZE, y), 0.1);
    RaceDecision e = RaceAnova.testParameters(
        RaceTables.table(Direction.MAXIMIZE, shifted), 0.1);
    assertEquals(d.bestConfig(), e.bestConfig());
    for (int r = 0; r < d.comparisons().size(); r++) {
      assertEquals(d.comparisons().get(r).estimate(), e.comparisons().get(r).estimate(), 1e-9);
      assertEquals(d.comparisons().get(r).stdErr(), e.comparisons().get(r).stdErr(), 1e-9);
    }
  }

  @Property(tries = 300)
  void everyTableGivesADecisionWhoseBestPasses(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int k, @ForAll @IntRange(min = 1, max = 6) int b) {
    double[][] y = draw(seed, k, b, 0.3);
    for (Direction direction : Direction.values()) {
      RaceTable t = RaceTables.table(direction, y);
      for (RaceDecision d : List.of(RaceAnova.testParameters(t, 0.05),
          RaceWinLoss.testParameters(t, 0.05))) {
        assertTrue(d.comparisons().get(0).pass(), d.toString());
        assertEquals(k, d.comparisons().size() + d.notCompared().size(), d.toString());
      }
    }
  }

  @Property(tries = 3)
  void aLargeRaceIsQuick(@ForAll long seed) {
    // 30 configs × 40 resamples with 10% holes: both rules well under a second each
    double[][] y = draw(seed, 30, 40, 0.1);
    RaceTable t = RaceTables.table(Direction.MAXIMIZE, y);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      RaceAnova.testParameters(t, 0.05);
      RaceWinLoss.testParameters(t, 0.05);
    });
  }

  @Property(tries = 200)
  void theBestHasTheBestMean(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int k,
      @ForAll @IntRange(min = 2, max = 6) int b) {
    double[][] y = draw(seed, k, b, 0.1);
    RaceDecision d = RaceAnova.testParameters(RaceTables.table(Direction.MINIMIZE, y), 0.05);
    double best = d.comparisons().get(0).mean();
    for (RaceComparison c : d.comparisons()) {
      assertTrue(c.mean() >= best, d.toString());
    }
  }
}
