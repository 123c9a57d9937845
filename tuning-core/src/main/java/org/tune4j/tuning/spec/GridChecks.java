package org.tune4j.tuning.spec;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.params.ParameterSet;

/**
 * Checks that a grid fits a spec before any work starts: every grid column is a tuned parameter,
 * every tuned parameter has a column, and every value is within the spec's range. Stateless.
 */
public final class GridChecks {
  private GridChecks() {}

  /**
   * Checks {@code grid} against {@code spec}.
   *
   * @throws IllegalArgumentException naming the column, parameter or value and what would fit
   */
  public static void check(TunableSpec spec, Grid grid) {
    ParameterSet tuned = spec.parameters();
    List<String> columns = grid.parameters().ids();
    for (String column : columns) {
      if (!tuned.contains(column)) {
        throw new IllegalArgumentException("grid column \"" + column + "\" is not a tuned parameter of spec \""
            + spec.name() + "\"; its parameters are " + tuned.ids() + " (tune the argument with tune(), or drop the column)");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String id : tuned.ids()) {
      if (!columns.contains(id)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("tuned parameter" + (missing.size() > 1 ? "s " : " ") + missing
          + " of spec \"" + spec.name() + "\" " + (missing.size() > 1 ? "have" : "has")
          + " no grid column; make the grid from spec.parameters() or add the column");
    }
    if (grid.size() == 0) {
      throw new IllegalArgumentException("the grid is empty; it needs at least one candidate");
    }
    grid.candidates().forEach(c -> c.values().forEach((id, value) -> {
      if (!tuned.get(id).allows(value)) {
        throw new IllegalArgumentException("grid value " + id + " = " + value + " of " + c.configId()
            + " is outside the spec's range " + tuned.get(id).describeValues() + "; widen the range with"
            + " spec.update(\"" + id + "\", ...) or change the grid");
      }
    }));
  }
}
