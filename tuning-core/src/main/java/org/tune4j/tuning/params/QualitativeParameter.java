package org.tune4j.tuning.params;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A qualitative tuning parameter (dials' {@code new_qual_param}): one of a list of strings,
 * such as an activation function or an optimizer name.
 *
 * <p>Regular grids take the first {@code levels} values, in the given order. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * QualitativeParameter act = QualitativeParameter.of("dense_activation", "Activation",
 *     List.of("relu", "tanh"));
 * }</pre>
 *
 * @param id the grid column name
 * @param label a human label
 * @param values the allowed values, unique, in grid order
 */
public record QualitativeParameter(String id, String label, List<String> values)
    implements Parameter {

  /** Validates and copies the arguments. */
  public QualitativeParameter {
    ParameterChecks.checkId(id);
    ParameterChecks.checkLabel(id, label);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("values of parameter \"" + id + "\" are " + values
          + "; give at least one value");
    }
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (v == null || v.isBlank() || !seen.add(v)) {
        throw new IllegalArgumentException("values of parameter \"" + id + "\" are " + values
            + "; give distinct non-blank strings (\"" + v + "\" is not)");
      }
    }
    values = List.copyOf(values);
  }

  /** Same as the constructor. */
  public static QualitativeParameter of(String id, String label, List<String> values) {
    return new QualitativeParameter(id, label, values);
  }

  @Override
  public QualitativeParameter withId(String newId) {
    return new QualitativeParameter(newId, label, values);
  }

  @Override
  public QualitativeParameter withLabel(String newLabel) {
    return new QualitativeParameter(id, newLabel, values);
  }

  /** A copy allowing other values (dials' {@code activation(values = ...)}). */
  public QualitativeParameter withValues(List<String> newValues) {
    return new QualitativeParameter(id, label, newValues);
  }

  @Override
  public boolean allows(Object value) {
    return value instanceof String s && values.contains(s);
  }

  @Override
  public String describeValues() {
    return String.join(", ", values);
  }

  @Override
  public List<Object> valueSeq(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("levels for parameter \"" + id + "\" is " + n
          + "; give at least 1");
    }
    return List.copyOf(new ArrayList<Object>(values.subList(0, Math.min(n, values.size()))));
  }

  @Override
  public Object fromUnit(double u) {
    checkUnit(u);
    int k = values.size();
    return values.get(Math.min(k - 1, (int) Math.floor(u * k)));
  }

  /** R's {@code cut(u, seq(0, 1, length.out = k + 1), include.lowest = TRUE)}: bins (a, b]. */
  @Override
  public Object fromSpaceFilling(double u) {
    checkUnit(u);
    int k = values.size();
    return values.get(Math.max(0, Math.min(k - 1, (int) Math.ceil(u * k) - 1)));
  }

  private void checkUnit(double u) {
    if (!(u >= 0.0 && u <= 1.0)) {
      throw new IllegalArgumentException("unit position for parameter \"" + id + "\" is " + u
          + "; give a value in [0, 1]");
    }
  }
}
