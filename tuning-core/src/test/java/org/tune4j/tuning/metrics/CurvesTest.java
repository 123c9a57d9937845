package org.tune4j.tuning.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {

  private static final double EXACT = 1e-12;

  /** yes rows score 0.8 and 0.5, no rows 0.5 and 0.2. */
  private static final ClassPredictions TIES = ClassPredictions.fromProbabilities(
      List.of("yes", "no"), new int[] {0, 0, 1, 1},
      new double[][] {{0.8, 0.2}, {0.5, 0.5}, {0.5, 0.5}, {0.2, 0.8}});

  @Test
  void rocCurveHasYardsticksRows() {
    List<RocPoint> roc = Curves.roc(TIES, EventLevel.FIRST);
    // -Inf (0,1); 0.2: all events → spec 0 sens 1; 0.5: spec ½ sens 1; 0.8: spec 1 sens ½; +Inf
    assertEquals(5, roc.size());
    assertPoint(roc.get(0), Double.NEGATIVE_INFINITY, 0, 1);
    assertPoint(roc.get(1), 0.2, 0, 1);
    assertPoint(roc.get(2), 0.5, 0.5, 1);
    assertPoint(roc.get(3), 0.8, 1, 0.5);
    assertPoint(roc.get(4), Double.POSITIVE_INFINITY, 1, 0);
    assertEquals("yes", roc.get(0).level());
  }

  @Test
  void trapezoidUnderRocCurveIsRocAuc() {
    List<RocPoint> roc = Curves.roc(TIES, EventLevel.SECOND);
    double area = 0;
    for (int i = 1; i < roc.size(); i++) {
      area += (roc.get(i).specificity() - roc.get(i - 1).specificity())
          * (roc.get(i).sensitivity() + roc.get(i - 1).sensitivity()) / 2;
    }
    assertEquals(ClassificationMetrics.rocAuc().estimate(TIES, EventLevel.SECOND).estimate(),
        area, EXACT);
  }

  @Test
  void prCurveStartsAtRecallZeroPrecisionOne() {
    List<PrPoint> pr = Curves.pr(TIES, EventLevel.FIRST);
    assertEquals(4, pr.size());
    assertEquals(0, pr.get(0).recall(), EXACT);
    assertEquals(1, pr.get(0).precision(), EXACT);
    assertEquals(0.5, pr.get(2).threshold(), EXACT);
    assertEquals(2.0 / 3, pr.get(2).precision(), EXACT);
  }

  @Test
  void multiclassCurvesAreOneVsAll() {
    ClassPredictions p = ClassPredictions.fromProbabilities(List.of("a", "b", "c"),
        new int[] {0, 1, 2}, new double[][] {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}});
    List<RocPoint> roc = Curves.roc(p, EventLevel.FIRST);
    assertEquals(List.of("a", "b", "c"),
        roc.stream().map(RocPoint::level).distinct().toList());
  }

  @Test
  void rocCurveWithoutEventsIsAnError() {
    ClassPredictions p = ClassPredictions.fromProbabilities(List.of("a", "b"),
        new int[] {1, 1}, new double[][] {{0.6, 0.4}, {0.2, 0.8}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Curves.roc(p, EventLevel.FIRST));
    assertEquals("roc_curve: no event observations in the truth for level 'a'; a ROC curve"
        + " needs both", e.getMessage());
  }

  private static void assertPoint(RocPoint p, double threshold, double spec, double sens) {
    assertEquals(threshold, p.threshold(), EXACT);
    assertEquals(spec, p.specificity(), EXACT, "specificity at " + threshold);
    assertEquals(sens, p.sensitivity(), EXACT, "sensitivity at " + threshold);
  }
}
