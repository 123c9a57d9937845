package org.tune4j.tuning.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small cases worked out by hand (the arithmetic is in the comments). */
class HandWorkedMetricsTest {

  /** Exact rational arithmetic in doubles: only rounding of the last bits. */
  private static final double EXACT = 1e-12;

  /**
   * truth a a a a b b b c c c / pred a a b c b b a c c b. Confusion (pred × truth):
   * a: [2 1 0], b: [1 2 1], c: [1 0 2]. n = 10, 6 correct.
   */
  private static final ClassPredictions THREE = ClassPredictions.ofClasses(
      List.of("a", "b", "c"),
      new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
      new int[] {0, 0, 1, 2, 1, 1, 0, 2, 2, 1});

  /** Binary, event "yes": yes rows score 0.8 and 0.5, no rows 0.5 and 0.2 (one tie). */
  private static final ClassPredictions TIES = ClassPredictions.fromProbabilities(
      List.of("yes", "no"),
      new int[] {0, 0, 1, 1},
      new double[][] {{0.8, 0.2}, {0.5, 0.5}, {0.5, 0.5}, {0.2, 0.8}});

  @Test
  void confusionMatrixIsPredictionByTruth() {
    ConfusionMatrix cm = ConfusionMatrix.of(THREE);
    assertEquals(2, cm.count(0, 0));
    assertEquals(1, cm.count(0, 1)); // predicted a, truth b
    assertEquals(1, cm.count(1, 2)); // predicted b, truth c
    assertEquals(4, cm.truthTotal(0));
    assertEquals(4, cm.predictedTotal(1));
    assertEquals(6, cm.correct());
    assertTrue(cm.toString().contains("Prediction"), cm.toString());
  }

  @Test
  void accuracyKapMcc() {
    assertEquals(0.6, ClassificationMetrics.accuracy().estimate(THREE).estimate(), EXACT);
    // disagreement 4; chance (n² − Σ p_k t_k) / n = (100 − 33) / 10 = 6.7
    MetricEstimate kap = ClassificationMetrics.kap().estimate(THREE);
    assertEquals(1 - 4 / 6.7, kap.estimate(), EXACT);
    assertEquals("multiclass", kap.estimator());
    // (6·10 − 33) / sqrt((100 − 34)(100 − 34)) = 27 / 66
    assertEquals(27.0 / 66, ClassificationMetrics.mcc().estimate(THREE).estimate(), EXACT);
  }

  @Test
  void linearKapWeighsDistantDisagreementsMore() {
    // weights |i−j|: disagreements (pred,truth) (a,b)1 (b,a)1 (b,c)1 (c,a)2 → 5;
    // chance Σ |i−j| r_i c_j / n with r = [3 4 3], c = [4 3 3]:
    // (3·3 + 3·3·2 + 4·4 + 4·3 + 3·4·2 + 3·3) / 10 = (9 + 18 + 16 + 12 + 24 + 9) / 10 = 8.8
    assertEquals(1 - 5 / 8.8,
        ClassificationMetrics.kap(KapWeighting.LINEAR).estimate(THREE).estimate(), EXACT);
  }

  @Test
  void precisionEstimators() {
    // precision a 2/3, b 2/4, c 2/3; truth counts 4, 3, 3
    assertEquals((2.0 / 3 + 0.5 + 2.0 / 3) / 3,
        ClassificationMetrics.precision().estimate(THREE).estimate(), EXACT);
    assertEquals((4 * 2.0 / 3 + 3 * 0.5 + 3 * 2.0 / 3) / 10, ClassificationMetrics.precision()
        .withEstimator(Estimator.MACRO_WEIGHTED).estimate(THREE).estimate(), EXACT);
    assertEquals(0.6, ClassificationMetrics.precision().withEstimator(Estimator.MICRO)
        .estimate(THREE).estimate(), EXACT);
  }

  @Test
  void specificityAndJIndex() {
    // level a: tn = 10 − 2 − 1 − 2 = 5, fp = 1 → 5/6; b: tn = 5, fp = 2 → 5/7; c: tn = 6, fp = 1
    double spec = (5.0 / 6 + 5.0 / 7 + 6.0 / 7) / 3;
    assertEquals(spec, ClassificationMetrics.specificity().estimate(THREE).estimate(), EXACT);
    double recall = (0.5 + 2.0 / 3 + 2.0 / 3) / 3;
    assertEquals(recall + spec - 1, ClassificationMetrics.jIndex().estimate(THREE).estimate(),
        EXACT);
    assertEquals((recall + spec) / 2,
        ClassificationMetrics.balAccuracy().estimate(THREE).estimate(), EXACT);
  }

  @Test
  void neverPredictedLevelIsWarnedAndLeftOutOfMacroPrecision() {
    ClassPredictions p = ClassPredictions.ofClasses(List.of("a", "b", "c"),
        new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 1, 1, 1});
    MetricEstimate e = ClassificationMetrics.precision().estimate(p);
    assertEquals((1.0 + 0.5) / 2, e.estimate(), EXACT); // c dropped, not counted as 0
    assertEquals(1, e.warnings().size());
    String w = e.warnings().get(0);
    assertTrue(w.contains("'c'") && w.contains("left out") && w.contains("'c': 2"), w);
    // ppv keeps undefined levels (yardstick: no na.rm), so its macro mean is NaN and says why
    MetricEstimate ppv = ClassificationMetrics.ppv().estimate(p);
    assertTrue(Double.isNaN(ppv.estimate()));
    assertFalse(ppv.warnings().isEmpty());
  }

  @Test
  void binaryPrecisionUndefinedIsNaNWithWarning() {
    ClassPredictions p = ClassPredictions.ofClasses(List.of("a", "b"),
        new int[] {0, 1, 1}, new int[] {1, 1, 1});
    MetricEstimate e = ClassificationMetrics.precision().estimate(p);
    assertEquals("binary", e.estimator());
    assertTrue(Double.isNaN(e.estimate()));
    assertTrue(e.warnings().get(0).contains("'a'"), e.warnings().toString());
    // with the second level as the event it is defined: 2 of 3 predicted b are b
    assertEquals(2.0 / 3, ClassificationMetrics.precision().estimate(p, EventLevel.SECOND)
        .estimate(), EXACT);
  }

  @Test
  void fMeasBetaWeighsRecall() {
    // binary THREE-like: event a; tp 1, fp 0, fn 1 → P = 1, R = 0.5
    ClassPredictions p = ClassPredictions.ofClasses(List.of("a", "b"),
        new int[] {0, 0, 1}, new int[] {0, 1, 1});
    double f2 = 5 * 1 * 0.5 / (4 * 1 + 0.5);
    assertEquals(f2, ClassificationMetrics.fMeas(2).estimate(p).estimate(), EXACT);
    assertEquals(2 * 0.5 / 1.5, ClassificationMetrics.fMeas().estimate(p).estimate(), EXACT);
  }

  @Test
  void rocAucCountsTiesAsHalf() {
    // pairs (yes, no): (0.8, 0.5) 1, (0.8, 0.2) 1, (0.5, 0.5) ½, (0.5, 0.2) 1 → 3.5 / 4
    MetricEstimate e = ClassificationMetrics.rocAuc().estimate(TIES);
    assertEquals(0.875, e.estimate(), EXACT);
    assertEquals("binary", e.estimator());
    assertEquals(0.875, ClassificationMetrics.rocAuc().estimate(TIES, EventLevel.SECOND)
        .estimate(), EXACT);
  }

  @Test
  void prAucIsTrapezoidFromRecallZeroPrecisionOne() {
    // thresholds 0.8: R ½ P 1; 0.5: R 1 P ⅔; 0.2: R 1 P ½ → ½·1 + ½·(1 + ⅔)/2 = 11/12
    assertEquals(11.0 / 12, ClassificationMetrics.prAuc().estimate(TIES).estimate(), EXACT);
  }

  @Test
  void brierAndLogLoss() {
    // Σ_k (y − p)² per row: 0.08, 0.5, 0.5, 0.08 → 1.16 / (2·4)
    assertEquals(1.16 / 8, ClassificationMetrics.brierClass().estimate(TIES).estimate(), EXACT);
    double ll = -(2 * Math.log(0.8) + 2 * Math.log(0.5)) / 4;
    assertEquals(ll, ClassificationMetrics.mnLogLoss().estimate(TIES).estimate(), EXACT);
  }

  @Test
  void logLossClipsZeroProbabilityToEpsilon() {
    ClassPredictions p = ClassPredictions.of(List.of("a", "b", "c"), new int[] {0},
        new int[] {1}, new double[][] {{0, 1, 0}});
    assertEquals(-Math.log(ProbabilityScore.LOG_LOSS_EPSILON),
        ClassificationMetrics.mnLogLoss().estimate(p).estimate(), EXACT);
  }

  @Test
  void handTillDropsAbsentLevelWithWarning() {
    // level c never in the truth; a vs b separated perfectly → 1
    ClassPredictions p = ClassPredictions.fromProbabilities(List.of("a", "b", "c"),
        new int[] {0, 0, 1, 1},
        new double[][] {{0.7, 0.2, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.8, 0.1}});
    MetricEstimate e = ClassificationMetrics.rocAuc().estimate(p);
    assertEquals("hand_till", e.estimator());
    assertEquals(1.0, e.estimate(), EXACT);
    assertTrue(e.warnings().get(0).contains("'c'"), e.warnings().toString());
    MetricEstimate macro = ClassificationMetrics.rocAuc().withEstimator(Estimator.MACRO)
        .estimate(p);
    assertTrue(Double.isNaN(macro.estimate()));
    assertTrue(macro.warnings().get(0).contains("'c'"), macro.warnings().toString());
  }

  @Test
  void callerMistakesThrowWithTheChoices() {
    IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.precision().withEstimator(Estimator.BINARY).estimate(THREE));
    assertTrue(binary.getMessage().contains("needs 2 levels"), binary.getMessage());
    IllegalArgumentException handTill = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.precision().withEstimator(Estimator.HAND_TILL));
    assertTrue(handTill.getMessage().contains("choose from: binary, macro"),
        handTill.getMessage());
    IllegalArgumentException noProbs = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.rocAuc().estimate(THREE));
    assertTrue(noProbs.getMessage().contains("roc_auc needs class probabilities"),
        noProbs.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.fMeas(0));
  }

  @Test
  void directions() {
    assertTrue(ClassificationMetrics.rocAuc().biggerIsBetter());
    assertTrue(ClassificationMetrics.kap().biggerIsBetter());
    assertFalse(ClassificationMetrics.brierClass().biggerIsBetter());
    assertFalse(ClassificationMetrics.mnLogLoss().biggerIsBetter());
  }
}
