package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.resampling.Resampling;

/**
 * Summarises per-resample metric rows into {@link MetricSummary} rows, as tune's
 * {@code estimate_tune_results}: grouped by config, metric and estimator; mean, count and
 * standard error of the non-NaN estimates, without the {@code Apparent} resample. Stateless.
 */
final class MetricSummaries {

  private MetricSummaries() {}

  /**
   * One summary per config × metric × estimator, in the order of {@code rows} (which
   * {@link ResultsChecks#metricRows} sorted by config, then resample, then metric-set order),
   * re-sorted by config and metric-set order. Rows of the {@code Apparent} resample are left out,
   * as tune's {@code estimate_tune_results} does ({@code x$id != "Apparent"}).
   */
  static List<MetricSummary> summarize(List<MetricRow> rows, List<String> metricNames) {
    Map<List<String>, List<MetricRow>> groups = new LinkedHashMap<>();
    for (MetricRow r : rows) {
      if (Resampling.APPARENT_ID.equals(r.id())) {
        continue;
      }
      groups.computeIfAbsent(List.of(r.configId(), r.metric(), r.estimator()),
          k -> new ArrayList<>()).add(r);
    }
    List<MetricSummary> out = new ArrayList<>(groups.size());
    for (List<MetricRow> group : groups.values()) {
      out.add(summary(group));
    }
    out.sort(Comparator.comparing(MetricSummary::configId, ConfigOrder.INSTANCE)
        .thenComparingInt(s -> metricNames.indexOf(s.metric())));
    return List.copyOf(out);
  }

  private static MetricSummary summary(List<MetricRow> group) {
    int n = 0;
    double sum = 0;
    for (MetricRow r : group) {
      if (!Double.isNaN(r.estimate())) {
        n++;
        sum += r.estimate();
      }
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (MetricRow r : group) {
      if (!Double.isNaN(r.estimate())) {
        double d = r.estimate() - mean;
        squares += d * d;
      }
    }
    double stdErr = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    MetricRow first = group.get(0);
    return new MetricSummary(first.configId(), first.params(), first.metric(),
        first.estimator(), mean, n, stdErr);
  }

  /**
   * The summaries of one metric, best first by mean in the metric's direction; NaN means last;
   * ties keep config order (the order of {@code ofMetric}).
   */
  static List<MetricSummary> ranked(List<MetricSummary> ofMetric, boolean biggerIsBetter) {
    Comparator<MetricSummary> byMean = (a, b) -> {
      boolean na = Double.isNaN(a.mean());
      boolean nb = Double.isNaN(b.mean());
      if (na || nb) {
        return Boolean.compare(na, nb);
      }
      return biggerIsBetter ? Double.compare(b.mean(), a.mean())
          : Double.compare(a.mean(), b.mean());
    };
    List<MetricSummary> out = new ArrayList<>(ofMetric);
    out.sort(byMean);
    return out;
  }
}
