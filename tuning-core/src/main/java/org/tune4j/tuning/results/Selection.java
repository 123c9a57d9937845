package org.tune4j.tuning.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The candidate a selection verb chose ({@code selectBest}, {@code selectByOneStdErr},
 * {@code selectByPctLoss}): its config id and its parameter values, in parameter order — tune's
 * one-row tibble of parameters plus {@code .config}.
 *
 * <p>Values are {@code Double} for double parameters, {@code Integer} for integer ones and
 * {@code String} for qualitative ones, so {@code spec.finalize(selection.values())} works.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Selection best = results.selectBest("accuracy");
 * TunableSpec finalSpec = spec.finalize(best.values());
 * }</pre>
 *
 * @param configId the chosen candidate's config id, e.g. {@code Model07}
 * @param values parameter id to value, in parameter order (an unmodifiable copy is kept)
 */
public record Selection(String configId, Map<String, Object> values) {

  /** Validates and copies. */
  public Selection {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(values, "values");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * The value of parameter {@code id}.
   *
   * @throws IllegalArgumentException naming the known ids if there is no such parameter
   */
  public Object value(String id) {
    Object v = values.get(id);
    if (v == null) {
      throw new IllegalArgumentException("parameter id \"" + id + "\" is not in selection "
          + configId + "; choose from: " + String.join(", ", values.keySet()));
    }
    return v;
  }
}
