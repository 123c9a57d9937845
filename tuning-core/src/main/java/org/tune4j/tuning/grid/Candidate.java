package org.tune4j.tuning.grid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a {@link Grid}: a config id such as {@code Model03} and a value for each
 * parameter, in parameter order.
 *
 * <p>Values are {@code Double} for double parameters, {@code Integer} for integer ones and
 * {@code String} for qualitative ones. Immutable and thread-safe.
 *
 * @param configId the stable config id, e.g. {@code Model03}
 * @param values parameter id to value, in parameter order (an unmodifiable copy is kept)
 */
public record Candidate(String configId, Map<String, Object> values) {

  /** Validates and copies, keeping the order of {@code values}. */
  public Candidate {
    if (configId == null || configId.isBlank()) {
      throw new IllegalArgumentException("configId is \"" + configId
          + "\"; give a non-blank id such as Model1");
    }
    if (values == null || values.isEmpty() || values.containsValue(null)) {
      throw new IllegalArgumentException("values of candidate " + configId + " are " + values
          + "; give a non-null value for every parameter");
    }
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
      throw new IllegalArgumentException("parameter id \"" + id + "\" is not in candidate "
          + configId + "; choose from: " + String.join(", ", values.keySet()));
    }
    return v;
  }

  /** The value of a numeric parameter as a double. */
  public double doubleValue(String id) {
    return asType(id, Number.class).doubleValue();
  }

  /** The value of an integer parameter. */
  public int intValue(String id) {
    return asType(id, Integer.class);
  }

  /** The value of a qualitative parameter. */
  public String stringValue(String id) {
    return asType(id, String.class);
  }

  private <T> T asType(String id, Class<T> type) {
    Object v = value(id);
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("value " + v + " of parameter \"" + id + "\" is a "
          + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return type.cast(v);
  }
}
