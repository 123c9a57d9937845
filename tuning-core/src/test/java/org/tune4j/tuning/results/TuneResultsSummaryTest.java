package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** collectMetrics against hand computation; see {@link ResultsFixtures} for the numbers. */
class TuneResultsSummaryTest {

  /** Means and standard errors of a few decimals: only rounding of the sums separates them. */
  private static final double HAND_TOLERANCE = 1e-12;

  private final TuneResults results = ResultsFixtures.results();

  @Test
  void summaryHasOneRowPerConfigAndMetricInConfigThenMetricSetOrder() {
    Table t = results.collectMetrics();
    assertEquals(List.of("config", "dense_units", "dropout_rate", "metric", "estimator", "mean",
        "n", "std_err"), t.names());
    assertEquals(List.of(ColumnType.CHR, ColumnType.INT, ColumnType.DBL, ColumnType.CHR,
        ColumnType.CHR, ColumnType.DBL, ColumnType.INT, ColumnType.DBL), t.types());
    assertEquals(List.of("Model1", "Model1", "Model2", "Model2", "Model3", "Model3"),
        t.column("config"));
    assertEquals(List.of("accuracy", "brier_class", "accuracy", "brier_class", "accuracy",
        "brier_class"), t.column("metric"));
    assertEquals(16, t.getInt(2, "dense_units"));
    assertEquals(0.3, t.getDouble(4, "dropout_rate"));
    assertEquals("multiclass", t.getString(0, "estimator"));
  }

  /** As rsample's bootstraps(apparent = TRUE): the Apparent row counts per resample only. */
  @Test
  void apparentRowsAreLeftOutOfTheSummary() {
    List<MetricRow> rows = new java.util.ArrayList<>(ResultsFixtures.metricRows());
    rows.add(ResultsFixtures.row(0, "Apparent", "accuracy", 1.0));
    TuneResults withApparent = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp", rows, List.of(), List.of());
    assertEquals(results.collectMetrics(), withApparent.collectMetrics());
    assertEquals(results.collectMetrics(false).nrow() + 1, withApparent.collectMetrics(false).nrow());
    assertEquals(0.81, withApparent.showBest("accuracy", 3).getDouble(2, "mean"), HAND_TOLERANCE);
  }

  @Test
  void meanNAndStdErrMatchHandComputation() {
    Table t = results.collectMetrics();
    // Model1 accuracy 0.80 0.82 0.78 0.84: mean 0.81; deviations -.01 .01 -.03 .03, sum of
    // squares 0.002; sd = sqrt(0.002 / 3) = 0.0258199; std_err = sd / sqrt(4) = 0.0129099.
    assertRow(t, 0, 0.81, 4, Math.sqrt(0.002 / 3) / 2);
    // Model1 brier 0.20 0.22 0.18 0.24: mean 0.21, same deviations, same std_err.
    assertRow(t, 1, 0.21, 4, Math.sqrt(0.002 / 3) / 2);
    // Model2 accuracy 0.84 0.82 0.86 0.80: mean 0.83, deviations .01 -.01 .03 -.03.
    assertRow(t, 2, 0.83, 4, Math.sqrt(0.002 / 3) / 2);
    // Model2 brier 0.15 0.17 0.13 0.19: mean 0.16.
    assertRow(t, 3, 0.16, 4, Math.sqrt(0.002 / 3) / 2);
    // Model3 accuracy 0.87 0.81 NaN 0.84: the NaN is left out, n = 3, mean 0.84; deviations
    // .03 -.03 0, sum of squares 0.0018, sd = sqrt(0.0018 / 2) = 0.03, std_err = 0.03/sqrt(3).
    assertRow(t, 4, 0.84, 3, 0.03 / Math.sqrt(3));
    // Model3 brier 0.17 0.19 0.16 0.20: mean 0.18; deviations -.01 .01 -.02 .02, sum of
    // squares 0.001, sd = sqrt(0.001 / 3), std_err = sd / 2 = 0.0091287.
    assertRow(t, 5, 0.18, 4, Math.sqrt(0.001 / 3) / 2);
    assertEquals(0.0091287, t.getDouble(5, "std_err"), 1e-7);
  }

  @Test
  void oneResampleGivesNaNStdErrAndAllNaNGivesNoMean() {
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp",
        List.of(ResultsFixtures.row(0, "Fold1", "accuracy", 0.5),
            ResultsFixtures.row(1, "Fold1", "accuracy", Double.NaN),
            ResultsFixtures.row(1, "Fold2", "accuracy", Double.NaN)),
        List.of(), List.of());
    Table t = r.collectMetrics();
    assertEquals(0.5, t.getDouble(0, "mean"));
    assertEquals(1, t.getInt(0, "n"));
    assertTrue(Double.isNaN(t.getDouble(0, "std_err")), "sd of one value is NA in R");
    assertTrue(Double.isNaN(t.getDouble(1, "mean")));
    assertEquals(0, t.getInt(1, "n"));
  }

  @Test
  void perResampleRowsAreInCanonicalOrderWhateverTheTaskOrder() {
    Table t = results.collectMetrics(false);
    assertEquals(List.of("config", "dense_units", "dropout_rate", "id", "metric", "estimator",
        "estimate"), t.names());
    assertEquals(24, t.nrow());
    assertEquals(List.of("Model1", "8", "0.1", "Fold1", "accuracy", "multiclass", "0.8"),
        t.rows().get(0).stream().map(String::valueOf).toList());
    assertEquals(List.of("Fold1", "brier_class", 0.2),
        List.of(t.get(1, "id"), t.get(1, "metric"), t.get(1, "estimate")));
    assertEquals(0.84, t.getDouble(22, "estimate"), "Model3 Fold4 accuracy");
    assertTrue(Double.isNaN(t.getDouble(20, "estimate")), "Model3 Fold3 accuracy is NaN");
  }

  @Test
  void repeatedResamplingAddsId2() {
    MetricRow r1 = new MetricRow("Model1", ResultsFixtures.params(0), "Repeat1",
        Optional.of("Fold2"), "accuracy", "multiclass", 0.7);
    MetricRow r2 = new MetricRow("Model1", ResultsFixtures.params(0), "Repeat1",
        Optional.of("Fold10"), "accuracy", "multiclass", 0.9);
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp", List.of(r2, r1), List.of(), List.of());
    Table t = r.collectMetrics(false);
    assertEquals(List.of("config", "dense_units", "dropout_rate", "id", "id2", "metric",
        "estimator", "estimate"), t.names());
    assertEquals(List.of("Fold2", "Fold10"), t.column("id2"), "Fold2 sorts before Fold10");
    assertEquals(0.8, r.collectMetrics().getDouble(0, "mean"), HAND_TOLERANCE);
  }

  @Test
  void summaryRecordsMatchTheTable() {
    MetricSummary s = results.metricSummaries().get(4);
    assertEquals("Model3", s.configId());
    assertEquals(3, s.n());
    assertEquals(32, s.params().get("dense_units"));
    assertEquals(results.collectMetrics().getDouble(4, "mean"), s.mean());
  }

  private static void assertRow(Table t, int row, double mean, int n, double stdErr) {
    assertEquals(mean, t.getDouble(row, "mean"), HAND_TOLERANCE, "mean of row " + row);
    assertEquals(n, t.getInt(row, "n"), "n of row " + row);
    assertEquals(stdErr, t.getDouble(row, "std_err"), HAND_TOLERANCE, "std_err of row " + row);
  }
}
