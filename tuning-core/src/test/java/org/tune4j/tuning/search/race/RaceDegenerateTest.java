package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.metrics.Direction.MAXIMIZE;
import static org.tune4j.tuning.metrics.Direction.MINIMIZE;
import static org.tune4j.tuning.search.race.RaceTables.NA;
import static org.tune4j.tuning.search.race.RaceTables.table;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables on which finetune stops with an error or lme4 misbehaves (finetune issues #33 and
 * #137): both racing methods give a decision with a note, never an exception.
 */
class RaceDegenerateTest {

  private static final double CLOSE = 1e-9;

  private static BiFunction<RaceTable, Double, RaceDecision> method(String name) {
    return name.equals("anova") ? RaceAnova::testParameters : RaceWinLoss::testParameters;
  }

  private static RaceDecision run(String name, RaceTable t) {
    return method(name).apply(t, 0.05);
  }

  private static void assertNote(RaceDecision d, String fragment) {
    assertTrue(d.notes().stream().anyMatch(n -> n.contains(fragment)),
        "no note with \"" + fragment + "\" in " + d.notes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void constantMetricKeepsEveryone(String name) {
    // issue #137: rmse the same for every config on every resample
    RaceDecision d = run(name, table(MINIMIZE,
        new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {1, 1, 1}));
    assertEquals(List.of("c1", "c2", "c3"), d.passing());
    assertNote(d, "same estimate on every resample");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void identicalCandidatesKeepEveryone(String name) {
    // all configs equal on each resample, resamples differ
    double[] same = {0.7, 0.9, 0.8, 0.75};
    RaceDecision d = run(name, table(MAXIMIZE, same, same.clone(), same.clone()));
    assertEquals(List.of("c1", "c2", "c3"), d.passing());
    if (name.equals("anova")) {
      assertNote(d, "same estimate on every resample");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void singleResample(String name) {
    RaceDecision d = run(name, table(MAXIMIZE, new double[] {0.5}, new double[] {0.6},
        new double[] {0.7}));
    assertEquals("c3", d.bestConfig());
    assertEquals(3, d.passing().size());
    assertNote(d, "only one resample (r1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void oneSurvivorWithTheMostResamples(String name) {
    // the other configs were eliminated (or failed) before r3
    RaceDecision d = run(name, table(MAXIMIZE,
        new double[] {0.8, 0.9, NA}, new double[] {0.7, 0.8, 0.75}, new double[] {0.6, NA, NA}));
    assertEquals("c2", d.bestConfig());
    assertEquals(List.of("c2"), d.passing());
    assertEquals(List.of("c1", "c3"), d.notCompared());
    assertNote(d, "nothing to compare");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void noEstimatesAtAll(String name) {
    RaceDecision d = run(name, table(MAXIMIZE, new double[] {NA, NA}, new double[] {NA, NA}));
    assertEquals(List.of("c1", "c2"), d.passing());
    assertTrue(Double.isNaN(d.comparisons().get(1).estimate()));
    assertNote(d, "no config has an estimate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void infiniteEstimatesCountAsMissing(String name) {
    RaceDecision d = run(name, table(MAXIMIZE,
        new double[] {0.8, 0.82, 0.79}, new double[] {0.7, Double.POSITIVE_INFINITY, 0.69}));
    assertEquals(List.of("c2"), d.notCompared());
    assertNote(d, "is Infinity; it is treated as missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anova", "winloss"})
  void disconnectedConfigsEliminateNobody(String name) {
    // c1 and c2 never meet: no residual df for the ANOVA, no game for win/loss
    RaceDecision d = run(name, table(MAXIMIZE, new double[] {0.8, NA}, new double[] {NA, 0.7}));
    assertEquals(List.of("c1", "c2"), d.passing());
    assertEquals(1, d.notes().size(), d.notes().toString());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.02, 0})
  void zeroResidualVarianceKeepsOnlyTiesWithTheBest(double gap) {
    // c2 is c1 shifted by gap; c3 is c1 shifted by 0.1; no residual at all
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, 0.79},
        new double[] {0.80 - gap, 0.82 - gap, 0.79 - gap},
        new double[] {0.70, 0.72, 0.69}), 0.05);
    assertEquals(gap == 0 ? List.of("c1", "c2") : List.of("c1"), d.passing());
    assertEquals(0, d.comparisons().get(1).stdErr());
    assertNote(d, "zero residual variance");
  }

  @org.junit.jupiter.api.Test
  void nearlyIdenticalCandidatesAreTies() {
    // issue #33: c2 differs from c1 by one ulp on one resample
    double[] c1 = {0.8412, 0.8537, 0.8391};
    double[] c2 = c1.clone();
    c2[1] = Math.nextDown(c2[1]);
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE, c1, c2), 0.05);
    assertEquals(List.of("c1", "c2"), d.passing());
  }

  @org.junit.jupiter.api.Test
  void unbalancedWithoutResidualDegreesOfFreedom() {
    // N = 4, k = 2, b = 3, one component: df = 4 − 2 − 3 + 1 = 0 (lme4 returns an arbitrary
    // large theta here and eliminates c2 on a standard error of 7e-5)
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, NA}, new double[] {NA, 0.78, 0.75}), 0.05);
    assertEquals(List.of("c1", "c2"), d.passing());
    assertNote(d, "no residual degrees of freedom");
  }

  @org.junit.jupiter.api.Test
  void unbalancedAdditiveTableIsAllButExact() {
    // resample effects 0, .02, −.01, .03; c1 = .80 + r, c2 = .78 + r, c3 = .70 + r, with holes
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, 0.79, NA},
        new double[] {NA, 0.80, 0.77, 0.81},
        new double[] {0.70, NA, 0.69, 0.73}), 0.05);
    assertEquals(List.of("c1"), d.passing());
    assertEquals(-0.02, d.comparisons().get(1).estimate(), CLOSE);
    assertEquals(-0.10, d.comparisons().get(2).estimate(), CLOSE);
    assertNote(d, "zero residual variance");
  }

  @org.junit.jupiter.api.Test
  void unbalancedNearlyAdditiveTableIsFittedStably() {
    // as above with 1e-10 added to one cell: REML's variance ratio is about 10^17, where a
    // naive GLS loses every digit of r'V⁻¹r to cancellation
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.80, 0.82, 0.79 + 1e-10, NA},
        new double[] {NA, 0.80, 0.77, 0.81},
        new double[] {0.70, NA, 0.69, 0.73}), 0.05);
    assertEquals(List.of("c1"), d.passing());
    assertEquals(-0.02, d.comparisons().get(1).estimate(), CLOSE);
    assertTrue(d.comparisons().get(1).stdErr() > 0);
    assertEquals(List.of(), d.notes());
  }

  @org.junit.jupiter.api.Test
  void unbalancedConstantConfigsAreExact() {
    // each config constant over its resamples: pooled residual 0
    RaceDecision d = RaceAnova.testParameters(table(MINIMIZE,
        new double[] {0.3, 0.3, NA}, new double[] {NA, 0.5, 0.5}, new double[] {0.3, NA, 0.3}),
        0.05);
    assertEquals(List.of("c1", "c3"), d.passing());
    assertNote(d, "zero residual variance");
  }

  @org.junit.jupiter.api.Test
  void singleEstimatePerResampleWithoutDegreesOfFreedom() {
    RaceDecision d = RaceAnova.testParameters(table(MAXIMIZE,
        new double[] {0.8, NA}, new double[] {NA, 0.7}), 0.05);
    assertEquals(List.of("c1", "c2"), d.passing());
  }
}
