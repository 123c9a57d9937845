package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.metrics.MetricSet;

/**
 * showBest, selectBest, selectByOneStdErr and selectByPctLoss on {@link ResultsFixtures}, whose
 * summaries are (mean ± std_err, from {@link TuneResultsSummaryTest}):
 *
 * <pre>
 * config  dense_units  accuracy (bigger is better)   brier_class (smaller is better)
 * Model1            8  0.81 (n 4, se 0.0129)         0.21 (n 4, se 0.0129)
 * Model2           16  0.83 (n 4, se 0.0129)         0.16 (n 4, se 0.0129)
 * Model3           32  0.84 (n 3, se 0.0173)         0.18 (n 4, se 0.0091)
 * </pre>
 */
class TuneResultsSelectionTest {

  private final TuneResults results = ResultsFixtures.results();

  @Test
  void showBestSortsByDirection() {
    assertEquals(List.of("Model3", "Model2", "Model1"),
        results.showBest("accuracy").column("config"));
    assertEquals(List.of("Model2", "Model3", "Model1"),
        results.showBest("brier_class").column("config"));
    assertEquals(List.of("Model2", "Model3"), results.showBest("brier_class", 2)
        .column("config"));
    assertEquals(List.of("brier_class", "brier_class"), results.showBest("brier_class", 2)
        .column("metric"));
  }

  @Test
  void showBestBreaksTiesByConfigIdAndDropsNaNMeans() {
    // Model10 and Model2 tie at 0.9 (Model2 first: numeric order of ids); Model1 is all NaN,
    // so tune's .filter_perf_metrics (is.na(mean)) leaves it out.
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp", List.of(
            row("Model1", 8, Double.NaN), row("Model10", 16, 0.9), row("Model2", 32, 0.9),
            row("Model3", 4, 0.5)), List.of(), List.of());
    assertEquals(List.of("Model2", "Model10", "Model3"),
        r.showBest("accuracy", 10).column("config"));
    assertEquals("Model2", r.selectBest("accuracy").configId());
  }

  /** tune's choose_metric(x, metric = NULL): the first metric of the set, whichever it is. */
  @Test
  void verbsWithoutAMetricUseTheFirstOfTheSet() {
    assertEquals("accuracy", results.defaultMetric());
    assertEquals(results.showBest("accuracy"), results.showBest());
    assertEquals(results.showBest("accuracy", 2), results.showBest(2));
    assertEquals(results.selectBest("accuracy"), results.selectBest());
    TuneResults brierFirst = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        MetricSet.parse("brier_class,accuracy"), "fp",
        ResultsFixtures.metricRows(), List.of(), List.of());
    assertEquals("brier_class", brierFirst.defaultMetric());
    assertEquals("Model2", brierFirst.selectBest().configId());
    assertEquals(List.of("brier_class"), brierFirst.showBest(1).column("metric"));
    SortOrder simplest = SortOrder.asc("dense_units");
    assertEquals(brierFirst.selectByOneStdErr("brier_class", simplest),
        brierFirst.selectByOneStdErr(simplest));
    assertEquals(brierFirst.selectByPctLoss("brier_class", simplest),
        brierFirst.selectByPctLoss(simplest));
    assertEquals(brierFirst.selectByPctLoss("brier_class", 40, simplest),
        brierFirst.selectByPctLoss(40, simplest));
    assertEquals("Model1", brierFirst.selectByPctLoss(40, simplest).configId(),
        "|0.21 - 0.16| / 0.16 = 31% < 40%: the simplest");
  }

  @Test
  void selectBestGivesTheParameterValuesOfTheBest() {
    Selection best = results.selectBest("accuracy");
    assertEquals("Model3", best.configId());
    assertEquals(Map.of("dense_units", 32, "dropout_rate", 0.3), best.values());
    assertEquals(List.of("dense_units", "dropout_rate"), List.copyOf(best.values().keySet()));
    assertEquals(Integer.class, best.value("dense_units").getClass(), "finalize needs types");
    assertEquals("Model2", results.selectBest("brier_class").configId());
  }

  @Test
  void oneStdErrPicksTheSimplestWithinTheBand() {
    // accuracy: best Model3 0.84, se 0.03/sqrt(3) = 0.01732; bound 0.84 - 0.01732 = 0.82268.
    // Model2 (0.83) is inside, Model1 (0.81) outside. Simplest by ascending dense_units among
    // {Model2 (16), Model3 (32)} is Model2 -- not the best, and not Model1, the simplest of all.
    Selection s = results.selectByOneStdErr("accuracy", SortOrder.asc("dense_units"));
    assertEquals("Model2", s.configId());
    assertEquals(16, s.value("dense_units"));
  }

  @Test
  void oneStdErrWhenTheBestIsAlsoTheSimplest() {
    // Same band {Model2, Model3}; with larger dense_units simpler, Model3 comes first.
    assertEquals("Model3",
        results.selectByOneStdErr("accuracy", SortOrder.desc("dense_units")).configId());
    // brier_class: best Model2 0.16, bound 0.16 + 0.01291 = 0.17291; Model3 (0.18) is out,
    // so the band is {Model2} whatever the order.
    assertEquals("Model2",
        results.selectByOneStdErr("brier_class", SortOrder.asc("dense_units")).configId());
  }

  @Test
  void oneStdErrWithAComparatorAndSeveralKeys() {
    Comparator<Selection> byDropout = Comparator.comparing(
        s -> (Double) s.value("dropout_rate"));
    assertEquals("Model2", results.selectByOneStdErr("accuracy", byDropout).configId());
    assertEquals("Model3", results.selectByOneStdErr("accuracy",
        List.of(SortOrder.desc("dropout_rate"), SortOrder.asc("dense_units"))).configId());
  }

  @Test
  void pctLossPicksTheSimplestUnderTheLimit() {
    // accuracy: best 0.84. loss = |(|mean| - 0.84) / 0.84| * 100:
    // Model1 0.03 / 0.84 * 100 = 3.571; Model2 0.01 / 0.84 * 100 = 1.190; Model3 0.
    // Ascending dense_units: Model1 (3.571, not < 2), Model2 (1.190 < 2) -> Model2.
    assertEquals("Model2",
        results.selectByPctLoss("accuracy", SortOrder.asc("dense_units")).configId());
    // With limit 4, Model1 (3.571 < 4) is the simplest under the limit.
    assertEquals("Model1",
        results.selectByPctLoss("accuracy", 4, SortOrder.asc("dense_units")).configId());
    // brier_class: best 0.16; Model3 |0.18 - 0.16| / 0.16 * 100 = 12.5, Model1 31.25.
    // Descending dense_units, limit 15: Model3 (12.5 < 15) comes first -> Model3.
    assertEquals("Model3", results.selectByPctLoss("brier_class", 15,
        SortOrder.desc("dense_units")).configId());
    // Ascending dense_units, limit 40: Model1 (31.25 < 40) -> Model1.
    assertEquals("Model1", results.selectByPctLoss("brier_class", 40,
        SortOrder.asc("dense_units")).configId());
  }

  @Test
  void pctLossWhenTheBestIsAlsoTheSimplest() {
    // Descending dense_units puts Model3 (the best accuracy, loss 0) first.
    assertEquals("Model3",
        results.selectByPctLoss("accuracy", SortOrder.desc("dense_units")).configId());
    // brier_class with the default limit 2: only the best (Model2) has loss < 2, and with
    // ascending dense_units Model1 (31.25) comes first but is over the limit.
    assertEquals("Model2",
        results.selectByPctLoss("brier_class", SortOrder.asc("dense_units")).configId());
  }

  @Test
  void pctLossNeverPicksAModelMoreComplexThanTheBest() {
    // Model2 is best (0.9); Model3 (0.895, loss 0.556 %) is after it in the order, so tune's
    // slice(1:best_index) drops it even though it is under the limit.
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp", List.of(row("Model1", 8, 0.5),
            row("Model2", 16, 0.9), row("Model3", 32, 0.895)), List.of(), List.of());
    assertEquals("Model2", r.selectByPctLoss("accuracy", SortOrder.asc("dense_units"))
        .configId());
    assertEquals("Model3", r.selectByPctLoss("accuracy", SortOrder.desc("dense_units"))
        .configId());
  }

  @Test
  void lossFormulaIsTunes() {
    assertEquals(25.0, SelectionRules.loss(1.0, 0.8), 1e-12, "(1 - 0.8) / 0.8 * 100");
    assertEquals(20.0, SelectionRules.loss(0.8, 1.0), 1e-12, "(1 - 0.8) / 1 * 100");
    assertEquals(0.0, SelectionRules.loss(0.75, 0.75));
  }

  private static MetricRow row(String config, int units, double estimate) {
    return new MetricRow(config, Map.of("dense_units", units, "dropout_rate", 0.5), "Fold1",
        java.util.Optional.empty(), "accuracy", "binary", estimate);
  }
}
