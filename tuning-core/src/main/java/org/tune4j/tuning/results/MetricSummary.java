package org.tune4j.tuning.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One metric of one candidate summarised over the resamples: a row of
 * {@code collectMetrics()} ({@code config, <params...>, metric, estimator, mean, n, std_err}).
 *
 * <p>As tune's {@code estimate_tune_results}: {@code mean} is the mean of the defined (non-NaN)
 * estimates, {@code n} their count and {@code stdErr} their sample standard deviation (divisor
 * {@code n - 1}) over {@code sqrt(n)}; {@code mean} is NaN when {@code n = 0} and
 * {@code stdErr} is NaN when {@code n < 2} (R's {@code sd} of one value is {@code NA}).
 * Immutable and thread-safe.
 *
 * @param configId the candidate's config id
 * @param params the candidate's parameter values, in parameter order
 * @param metric the metric name
 * @param estimator the estimator, e.g. {@code multiclass}
 * @param mean the mean estimate
 * @param n the number of resamples with a defined estimate
 * @param stdErr the standard error of the mean
 */
public record MetricSummary(String configId, Map<String, Object> params, String metric,
    String estimator, double mean, int n, double stdErr) {

  /** Validates and copies. */
  public MetricSummary {
    Objects.requireNonNull(configId, "configId");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(estimator, "estimator");
    if (n < 0) {
      throw new IllegalArgumentException("n is " + n + "; a count of resamples is 0 or more");
    }
  }

  /** This candidate as a {@link Selection}. */
  public Selection toSelection() {
    return new Selection(configId, params);
  }
}
