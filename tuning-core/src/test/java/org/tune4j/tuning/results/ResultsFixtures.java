package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.tuning.metrics.ClassificationMetrics;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Transform;

/**
 * Hand-built results: 3 configs × 4 folds × 2 metrics (accuracy: bigger is better;
 * brier_class: smaller is better). The numbers are chosen so that means and standard errors
 * are easy to compute by hand; see {@link TuneResultsSummaryTest} for the hand computation.
 *
 * <pre>
 * config  dense_units dropout_rate  accuracy by fold          brier_class by fold
 * Model1            8          0.1  0.80 0.82 0.78 0.84        0.20 0.22 0.18 0.24
 * Model2           16          0.2  0.84 0.82 0.86 0.80        0.15 0.17 0.13 0.19
 * Model3           32          0.3  0.87 0.81 NaN  0.84        0.17 0.19 0.16 0.20
 * </pre>
 */
final class ResultsFixtures {

  static final List<String> FOLDS = List.of("Fold1", "Fold2", "Fold3", "Fold4");
  static final double[][] ACCURACY = {
      {0.80, 0.82, 0.78, 0.84}, {0.84, 0.82, 0.86, 0.80}, {0.87, 0.81, Double.NaN, 0.84}};
  static final double[][] BRIER = {
      {0.20, 0.22, 0.18, 0.24}, {0.15, 0.17, 0.13, 0.19}, {0.17, 0.19, 0.16, 0.20}};
  static final int[] UNITS = {8, 16, 32};
  static final double[] DROPOUT = {0.1, 0.2, 0.3};

  private ResultsFixtures() {}

  static ParameterSet parameters() {
    return ParameterSet.of(
        NumericParameter.ofInteger("dense_units", "# Hidden Units", 1, 64, Transform.IDENTITY),
        NumericParameter.ofDouble("dropout_rate", "Dropout Rate", 0, 1, Transform.IDENTITY));
  }

  static MetricSet metrics() {
    return MetricSet.of(ClassificationMetrics.accuracy(), ClassificationMetrics.brierClass());
  }

  static Map<String, Object> params(int config) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("dense_units", UNITS[config]);
    p.put("dropout_rate", DROPOUT[config]);
    return p;
  }

  static String configId(int config) {
    return "Model" + (config + 1);
  }

  /** The 24 metric rows, deliberately in a shuffled task order (fold-major, config reversed). */
  static List<MetricRow> metricRows() {
    List<MetricRow> rows = new ArrayList<>();
    for (int f = FOLDS.size() - 1; f >= 0; f--) {
      for (int c = 2; c >= 0; c--) {
        rows.add(row(c, FOLDS.get(f), "brier_class", BRIER[c][f]));
        rows.add(row(c, FOLDS.get(f), "accuracy", ACCURACY[c][f]));
      }
    }
    return rows;
  }

  static MetricRow row(int config, String fold, String metric, double estimate) {
    return new MetricRow(configId(config), params(config), fold, Optional.empty(), metric,
        "multiclass", estimate);
  }

  static List<Note> notes() {
    return List.of(
        new Note("Model3", "Fold3", "metrics", "warning",
            "accuracy is undefined: \"no rows\", assessment set empty"),
        new Note("Model1", "Fold2", "fit", "warning", "loss, it said \"NaN\"\nat epoch 3"));
  }

  static List<PredictionRow> predictions() {
    return List.of(
        new PredictionRow(4, "Fold2", "Model1", "cat", "dog", List.of(0.25, 0.75)),
        new PredictionRow(1, "Fold1", "Model1", "cat", "cat", List.of(0.9, 0.1)),
        new PredictionRow(2, "Fold1", "Model2", "dog", "dog",
            List.of(1.0 / 3, 2.0 / 3)));
  }

  /** The fixture without predictions. */
  static TuneResults results() {
    return TuneResults.of(parameters(), List.of("cat", "dog"), metrics(), "fp-1234",
        metricRows(), notes(), List.of());
  }

  /** The fixture with predictions. */
  static TuneResults resultsWithPredictions() {
    return TuneResults.of(parameters(), List.of("cat", "dog"), metrics(), "fp-1234",
        metricRows(), notes(), predictions());
  }
}
