package org.tune4j.tuning.results;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tune4j.tuning.params.ParameterSet;

/**
 * One key of a simplicity order for {@code selectByOneStdErr} and {@code selectByPctLoss}: a
 * parameter id and whether smaller values ({@link #asc}) or larger values ({@link #desc}) mean
 * a simpler model — tune's {@code ...} passed to {@code dplyr::arrange()}, such as
 * {@code dense_units} or {@code desc(dropout_rate)}.
 *
 * <p>Numbers compare by value; qualitative values compare as text, code point by code point (as
 * {@code dplyr::arrange} does in its default C locale). Immutable and thread-safe.
 *
 * <pre>{@code
 * results.selectByOneStdErr("accuracy", SortOrder.asc("dense_units"),
 *     SortOrder.desc("dropout_rate"));
 * }</pre>
 *
 * @param parameterId the parameter to sort by
 * @param ascending true if smaller values are simpler
 */
public record SortOrder(String parameterId, boolean ascending) {

  /** Validates. */
  public SortOrder {
    Objects.requireNonNull(parameterId, "parameterId");
  }

  /** Smaller values of {@code parameterId} are simpler. */
  public static SortOrder asc(String parameterId) {
    return new SortOrder(parameterId, true);
  }

  /** Larger values of {@code parameterId} are simpler. */
  public static SortOrder desc(String parameterId) {
    return new SortOrder(parameterId, false);
  }

  /**
   * Parameter values ordered simplest first by these keys, in turn.
   *
   * @throws IllegalArgumentException if {@code order} is empty or names a parameter that is
   *     not in {@code parameters}, naming the choices
   */
  static Comparator<Map<String, Object>> comparator(List<SortOrder> order,
      ParameterSet parameters) {
    Objects.requireNonNull(order, "order");
    if (order.isEmpty()) {
      throw new IllegalArgumentException("the simplicity order is empty; give at least one"
          + " parameter to sort by, e.g. SortOrder.asc(\"" + parameters.ids().get(0)
          + "\"); choose from: " + String.join(", ", parameters.ids()));
    }
    Comparator<Map<String, Object>> result = null;
    for (SortOrder key : order) {
      Objects.requireNonNull(key, "sort order");
      if (!parameters.contains(key.parameterId())) {
        throw new IllegalArgumentException("parameter id \"" + key.parameterId()
            + "\" in the simplicity order is not in the parameter set; choose from: "
            + String.join(", ", parameters.ids()));
      }
      Comparator<Map<String, Object>> one =
          (a, b) -> compareValues(a.get(key.parameterId()), b.get(key.parameterId()));
      if (!key.ascending()) {
        one = one.reversed();
      }
      result = result == null ? one : result.thenComparing(one);
    }
    return result;
  }

  private static int compareValues(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  @Override
  public String toString() {
    return ascending ? parameterId : "desc(" + parameterId + ")";
  }
}
