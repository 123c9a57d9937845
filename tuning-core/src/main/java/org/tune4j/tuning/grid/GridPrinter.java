package org.tune4j.tuning.grid;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.results.ColumnType;
import org.tune4j.tuning.results.Table;

/** Prints a grid as the tibble-like {@link Table} every tune4j table prints as. */
final class GridPrinter {

  private GridPrinter() {}

  static String format(Grid grid, int maxRows) {
    List<String> names = new ArrayList<>();
    List<ColumnType> types = new ArrayList<>();
    for (Parameter p : grid.parameters()) {
      names.add(p.id());
      types.add(type(p));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Candidate c : grid.candidates()) {
      List<Object> row = new ArrayList<>();
      for (Parameter p : grid.parameters()) {
        row.add(c.value(p.id()));
      }
      rows.add(row);
    }
    return Table.of(names, types, rows).print(maxRows);
  }

  private static ColumnType type(Parameter param) {
    if (param instanceof NumericParameter n) {
      return n.type() == NumericType.INTEGER ? ColumnType.INT : ColumnType.DBL;
    }
    return ColumnType.CHR;
  }
}
