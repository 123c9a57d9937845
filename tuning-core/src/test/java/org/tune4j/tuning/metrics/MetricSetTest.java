package org.tune4j.tuning.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSetTest {

  private static final double EXACT = 1e-12;

  private static final ClassPredictions THREE = ClassPredictions.fromProbabilities(
      List.of("a", "b", "c"), new int[] {0, 1, 2, 2},
      new double[][] {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}, {0.5, 0.2, 0.3}});

  @Test
  void defaultIsTunesClassificationSet() {
    MetricSet set = MetricSet.defaultClassification();
    assertEquals(List.of("roc_auc", "accuracy", "brier_class"), set.names());
    assertTrue(set.metric("roc_auc").biggerIsBetter());
    assertFalse(set.metric("brier_class").biggerIsBetter());
    assertTrue(set.needsProbabilities());
  }

  @Test
  void evaluatesToTidyRowsWithYardstickEstimatorNames() {
    MetricTable t = MetricSet.defaultClassification().evaluate(THREE);
    assertEquals(3, t.size());
    assertEquals("roc_auc", t.rows().get(0).metric());
    assertEquals("hand_till", t.rows().get(0).estimator());
    assertEquals("multiclass", t.rows().get(1).estimator());
    assertEquals("multiclass", t.rows().get(2).estimator());
    assertEquals(0.75, t.estimate("accuracy"), EXACT);
    assertTrue(t.warnings().isEmpty(), t.warnings().toString());
  }

  @Test
  void parseAcceptsEstimatorAndWeightingSuffixes() {
    MetricSet set = MetricSet.parse("precision:micro,kap:quadratic,roc_auc:macro_weighted");
    MetricTable t = set.evaluate(THREE);
    assertEquals("micro", t.rows().get(0).estimator());
    assertEquals("kap", t.rows().get(1).metric());
    assertEquals("macro_weighted", t.rows().get(2).estimator());
  }

  @Test
  void errorsNameTheValueAndTheChoices() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> MetricSet.parse("accuracy,random"));
    assertTrue(unknown.getMessage().startsWith("metric \"random\" is not known; choose from:"
        + " accuracy, kap"), unknown.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> MetricSet.defaultClassification().metric("random"));
    assertEquals("metric \"random\" is not in the metric set; choose from: roc_auc, accuracy,"
        + " brier_class", missing.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> MetricSet.parse("accuracy,accuracy"));
    assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> MetricSet.parse("accuracy,,kap"));
    assertTrue(empty.getMessage().contains("empty name"), empty.getMessage());
    IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
        () -> MetricSet.parse("accuracy:macro"));
    assertTrue(option.getMessage().contains("takes no option"), option.getMessage());
  }

  @Test
  void everyNamedMetricEvaluates() {
    for (String name : ClassificationMetrics.NAMES) {
      MetricEstimate e = ClassificationMetrics.byName(name).estimate(THREE);
      assertEquals(name, e.metric());
      assertTrue(e.isDefined() || !e.warnings().isEmpty(), name + " NaN without a warning");
    }
  }
}
