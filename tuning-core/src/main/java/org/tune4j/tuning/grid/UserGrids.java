package org.tune4j.tuning.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;

/** Checks a user's grid rows against the parameters and puts the values in parameter order. */
final class UserGrids {

  private UserGrids() {}

  /** Checks that the columns are exactly the parameter ids. */
  static void checkColumns(ParameterSet params, Iterable<String> columns, String where) {
    List<String> seen = new ArrayList<>();
    for (String column : columns) {
      if (!params.contains(column)) {
        throw new IllegalArgumentException("grid column \"" + column + "\"" + where
            + " is not a parameter; parameters are: " + String.join(", ", params.ids()));
      }
      seen.add(column);
    }
    for (String id : params.ids()) {
      if (!seen.contains(id)) {
        throw new IllegalArgumentException("parameter \"" + id + "\" has no grid column" + where
            + "; add a column \"" + id + "\" (columns are: " + String.join(", ", seen) + ")");
      }
    }
  }

  /** Rows of id → value, checked, in parameter order; rejects duplicate rows. */
  static List<List<Object>> checkRows(ParameterSet params, List<? extends Map<String, ?>> rows) {
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("grid has no rows; give at least one candidate");
    }
    List<List<Object>> out = new ArrayList<>(rows.size());
    Map<List<Object>, Integer> firstRow = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      checkColumns(params, row.keySet(), " (row " + (i + 1) + ")");
      List<Object> values = new ArrayList<>(params.size());
      for (Parameter p : params) {
        values.add(checkValue(p, row.get(p.id()), i + 1));
      }
      Integer earlier = firstRow.putIfAbsent(values, i + 1);
      if (earlier != null) {
        throw new IllegalArgumentException("grid row " + (i + 1) + " repeats row " + earlier
            + " " + row + "; remove duplicate rows");
      }
      out.add(List.copyOf(values));
    }
    return out;
  }

  /** The value as Double, Integer or String, or an error naming value, parameter and range. */
  static Object checkValue(Parameter p, Object value, int row) {
    Object normalized = value;
    if (p instanceof NumericParameter n && value instanceof Number number) {
      double v = number.doubleValue();
      if (n.type() == NumericType.INTEGER) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("grid value " + value + " for integer parameter \""
              + p.id() + "\" (row " + row + ") is not a whole number; give an integer in "
              + p.describeValues());
        }
        normalized = (int) v;
      } else {
        normalized = v;
      }
    }
    if (!p.allows(normalized)) {
      String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
      String allowed = p instanceof NumericParameter
          ? "is outside its range " + p.describeValues()
          : "is not one of its values: " + p.describeValues();
      throw new IllegalArgumentException("grid value " + shown + " for parameter \"" + p.id()
          + "\" (row " + row + ") " + allowed);
    }
    return normalized;
  }
}
