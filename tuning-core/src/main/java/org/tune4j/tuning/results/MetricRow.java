package org.tune4j.tuning.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric of one candidate on one resample: a row of {@code collectMetrics(false)}.
 *
 * @param configId the candidate's config id, e.g. {@code Model03}
 * @param params the candidate's parameter values, in parameter order
 * @param id the resample id, e.g. {@code Fold1} or {@code Repeat1}
 * @param id2 the inner id for repeated resampling ({@code Fold1} under {@code Repeat1}), or empty
 * @param metric the metric name, e.g. {@code accuracy}
 * @param estimator the estimator, e.g. {@code multiclass}
 * @param estimate the value (NaN when undefined)
 */
public record MetricRow(String configId, Map<String, Object> params, String id, Optional<String> id2, String metric,
    String estimator, double estimate) {

  /** Validates and copies. */
  public MetricRow {
    Objects.requireNonNull(configId, "configId");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(id2, "id2");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(estimator, "estimator");
  }

  /** The resample as notes and journals name it: {@code Fold1}, or {@code Repeat1/Fold2} for repeats. */
  public String resampleId() {
    return id + id2.map(x -> "/" + x).orElse("");
  }
}
