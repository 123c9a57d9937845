package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error of the verbs and of {@link TuneResults#of}, with its message. */
class TuneResultsErrorsTest {

  private static final String CHOICES = "choose from: accuracy, brier_class";
  private final TuneResults results = ResultsFixtures.results();

  @Test
  void unknownMetricNamesTheChoices() {
    String expected = "metric \"random\" is not in the metric set; " + CHOICES;
    assertIllegalArgument(expected, () -> results.showBest("random"));
    assertIllegalArgument(expected, () -> results.selectBest("random"));
    assertIllegalArgument(expected,
        () -> results.selectByOneStdErr("random", SortOrder.asc("dense_units")));
    assertIllegalArgument(expected,
        () -> results.selectByPctLoss("random", SortOrder.asc("dense_units")));
  }

  @Test
  void nBelowOne() {
    assertIllegalArgument("n is 0; give the number of rows to show, 1 or more (tune's default"
        + " is 5)", () -> results.showBest("accuracy", 0));
  }

  @Test
  void unknownParameterInTheOrder() {
    String expected = "parameter id \"units\" in the simplicity order is not in the parameter"
        + " set; choose from: dense_units, dropout_rate";
    assertIllegalArgument(expected,
        () -> results.selectByOneStdErr("accuracy", SortOrder.asc("units")));
    assertIllegalArgument(expected,
        () -> results.selectByPctLoss("accuracy", 2, SortOrder.desc("units")));
    assertIllegalArgument("the simplicity order is empty; give at least one parameter to sort"
        + " by, e.g. SortOrder.asc(\"dense_units\"); choose from: dense_units, dropout_rate",
        () -> results.selectByOneStdErr("accuracy", List.<SortOrder>of()));
  }

  @Test
  void limitMustBePositive() {
    assertIllegalArgument("limit is 0.0; give a finite percentage above 0 (tune's default is"
        + " 2.0)", () -> results.selectByPctLoss("accuracy", 0, SortOrder.asc("dense_units")));
    assertIllegalArgument("limit is NaN; give a finite percentage above 0 (tune's default is"
        + " 2.0)", () -> results.selectByPctLoss("accuracy", Double.NaN,
            SortOrder.asc("dense_units")));
  }

  @Test
  void noSuccessfulFitForTheMetric() {
    // Only accuracy rows, all NaN; brier_class never produced; one fit failed.
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp",
        List.of(ResultsFixtures.row(0, "Fold1", "accuracy", Double.NaN)),
        List.of(new Note("Model2", "Fold1", "fit", "error", "out of memory")), List.of());
    assertIllegalState("no fit produced metric \"brier_class\" (1 error notes); see notes()",
        () -> r.showBest("brier_class"));
    assertIllegalState("no fit produced metric \"brier_class\" (1 error notes); see notes()",
        () -> r.selectBest("brier_class"));
    String allNaN = "no config has a defined estimate of metric \"accuracy\" (every estimate"
        + " is NaN); see notes()";
    assertIllegalState(allNaN, () -> r.selectBest("accuracy"));
    assertIllegalState(allNaN,
        () -> r.selectByOneStdErr("accuracy", SortOrder.asc("dense_units")));
    assertIllegalState(allNaN, () -> r.selectByPctLoss("accuracy", SortOrder.asc("dense_units")));
    // tune's .filter_perf_metrics drops NaN means, then aborts when no row remains
    assertIllegalState(allNaN, () -> r.showBest("accuracy"));
  }

  @Test
  void oneStdErrNeedsAStdErr() {
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp",
        List.of(ResultsFixtures.row(0, "Fold1", "accuracy", 0.8)), List.of(), List.of());
    assertIllegalState("std_err of the best config Model1 for metric \"accuracy\" is NaN (n = 1);"
        + " the one-standard-error rule needs at least 2 resamples with an estimate",
        () -> r.selectByOneStdErr("accuracy", SortOrder.asc("dense_units")));
  }

  @Test
  void pctLossNeedsANonZeroBest() {
    TuneResults r = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp",
        List.of(ResultsFixtures.row(0, "Fold1", "brier_class", 0.0)), List.of(), List.of());
    assertIllegalState("the best mean of metric \"brier_class\" is 0 (config Model1); percent"
        + " loss divides by it, so use selectByOneStdErr or selectBest",
        () -> r.selectByPctLoss("brier_class", SortOrder.asc("dense_units")));
  }

  @Test
  void rowsWithAMetricOutsideTheSet() {
    assertIllegalArgument("metric row 0 (Model1, Fold1): metric \"kap\" is not in the metric"
        + " set; " + CHOICES, () -> of(List.of(ResultsFixtures.row(0, "Fold1", "kap", 0.5))));
  }

  @Test
  void rowsWhoseParametersDoNotMatch() {
    MetricRow missing = new MetricRow("Model1", Map.of("dense_units", 8), "Fold1",
        Optional.empty(), "accuracy", "multiclass", 0.5);
    assertIllegalArgument("metric row 0 (Model1, Fold1): parameter values are for dense_units;"
        + " give one value for each parameter id: dense_units, dropout_rate",
        () -> of(List.of(missing)));
    MetricRow fraction = new MetricRow("Model1", Map.of("dense_units", 8.5,
        "dropout_rate", 0.1), "Fold1", Optional.empty(), "accuracy", "multiclass", 0.5);
    assertIllegalArgument("metric row 0 (Model1, Fold1): value 8.5 of parameter \"dense_units\""
        + " is a Double; give a whole number", () -> of(List.of(fraction)));
    MetricRow other = new MetricRow("Model1", ResultsFixtures.params(1), "Fold2",
        Optional.empty(), "accuracy", "multiclass", 0.5);
    assertIllegalArgument("metric row 1 (Model1, Fold2): config Model1 has values"
        + " {dense_units=16, dropout_rate=0.2} here and {dense_units=8, dropout_rate=0.1} in"
        + " another row; a config id names one candidate",
        () -> of(List.of(ResultsFixtures.row(0, "Fold1", "accuracy", 0.5), other)));
  }

  @Test
  void duplicateRows() {
    MetricRow row = ResultsFixtures.row(0, "Fold1", "accuracy", 0.5);
    assertIllegalArgument("metric row 1 (Model1, Fold1): metric \"accuracy\" appears twice for"
        + " this config and resample; give one row each", () -> of(List.of(row, row)));
  }

  @Test
  void predictionsThatDoNotMatchTheLevels() {
    PredictionRow bird = new PredictionRow(0, "Fold1", "Model1", "bird", "cat",
        List.of(0.5, 0.5));
    assertIllegalArgument("prediction row 0 (Model1, Fold1, row 0): truth \"bird\" is not a"
        + " level; choose from: cat, dog", () -> TuneResults.of(ResultsFixtures.parameters(),
            List.of("cat", "dog"), ResultsFixtures.metrics(), "fp", List.of(), List.of(),
            List.of(bird)));
    PredictionRow three = new PredictionRow(0, "Fold1", "Model1", "cat", "cat",
        List.of(0.5, 0.25, 0.25));
    assertIllegalArgument("prediction row 0 (Model1, Fold1, row 0): has 3 probabilities; give"
        + " one per level (cat, dog)", () -> TuneResults.of(ResultsFixtures.parameters(),
            List.of("cat", "dog"), ResultsFixtures.metrics(), "fp", List.of(), List.of(),
            List.of(three)));
  }

  @Test
  void tableAccessorsNameTheChoices() {
    Table t = results.collectMetrics();
    assertIllegalArgument("column \"avg\" is not in the table; choose from: config,"
        + " dense_units, dropout_rate, metric, estimator, mean, n, std_err",
        () -> t.getDouble(0, "avg"));
    assertIllegalArgument("column \"n\" is <int>, not <dbl>; use the getter for <int>",
        () -> t.getDouble(0, "n"));
  }

  private static TuneResults of(List<MetricRow> rows) {
    return TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp", rows, List.of(), List.of());
  }

  private static void assertIllegalArgument(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static void assertIllegalState(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalStateException.class, call).getMessage());
  }
}
