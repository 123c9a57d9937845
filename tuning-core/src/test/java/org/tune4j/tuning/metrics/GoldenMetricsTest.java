package org.tune4j.tuning.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tune4j.tuning.metrics.io.PredictionsCsv;

/**
 * Every metric against values made once by scikit-learn and numpy
 * ({@code src/test/resources/metrics/make_golden.py}, which documents how to rerun it and
 * where yardstick, which we follow, differs from scikit-learn). The predictions are read
 * through {@link PredictionsCsv}, so the reader is exercised too.
 */
class GoldenMetricsTest {

  /** Same formulas in another order of summation: allow a few ulps of the values. */
  private static final double GOLDEN_TOLERANCE = 1e-12;

  /** A golden file must hold at least this many rows, so a truncated file cannot pass. */
  private static final int MIN_ROWS = 40;

  @ParameterizedTest
  @ValueSource(strings = {"binary_ties", "multiclass10", "multiclass10_absent"})
  void matchesGolden(String name) throws IOException {
    ClassPredictions predictions;
    try (BufferedReader r = resource(name + "_predictions.csv")) {
      predictions = PredictionsCsv.read(r, name, "truth", ClassPredictions.DEFAULT_SUM_TOLERANCE);
    }
    List<String[]> golden = readGolden("golden_" + name + ".csv");
    assertTrue(golden.size() >= MIN_ROWS, "only " + golden.size() + " golden rows");
    List<String> failures = new ArrayList<>();
    for (String[] g : golden) {
      Metric metric = metricFor(g[0]);
      MetricEstimate e = metric.estimate(predictions, EventLevel.fromLabel(g[3]));
      double expected = g[4].equals("nan") ? Double.NaN : Double.parseDouble(g[4]);
      boolean ok = e.metric().equals(g[1]) && e.estimator().equals(g[2])
          && (Double.isNaN(expected) ? Double.isNaN(e.estimate())
              : Math.abs(e.estimate() - expected) <= GOLDEN_TOLERANCE);
      if (Double.isNaN(e.estimate()) && e.warnings().isEmpty()) {
        ok = false; // an undefined value must always say why
      }
      if (!ok) {
        failures.add(String.join(",", g) + " -> " + e);
      }
    }
    assertEquals(List.of(), failures);
  }

  private static Metric metricFor(String spec) {
    if (spec.startsWith("f_meas_beta2:")) {
      return ClassificationMetrics.fMeas(2.0)
          .withEstimator(Estimator.fromLabel(spec.substring(spec.indexOf(':') + 1)));
    }
    return ClassificationMetrics.byName(spec);
  }

  private static List<String[]> readGolden(String file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = resource(file)) {
      String header = r.readLine();
      assertEquals("spec,metric,estimator,event_level,estimate", header);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  private static BufferedReader resource(String file) {
    InputStream in = GoldenMetricsTest.class.getResourceAsStream("/metrics/" + file);
    return new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, file),
        StandardCharsets.UTF_8));
  }
}
