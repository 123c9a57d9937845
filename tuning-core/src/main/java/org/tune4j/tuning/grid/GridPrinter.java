package org.tune4j.tuning.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;

/** Formats a grid the way a tibble prints: dimensions header, type row, aligned columns. */
final class GridPrinter {

  private GridPrinter() {}

  static String format(Grid grid, int maxRows) {
    int shown = Math.min(maxRows, grid.size());
    int p = grid.parameters().size();
    List<List<String>> columns = new ArrayList<>();
    List<Boolean> rightAligned = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      Parameter param = grid.parameters().get(j);
      List<String> cells = new ArrayList<>();
      cells.add(param.id());
      cells.add(typeTag(param));
      for (int i = 0; i < shown; i++) {
        cells.add(cell(grid.candidate(i).value(param.id())));
      }
      columns.add(cells);
      rightAligned.add(param instanceof NumericParameter);
    }
    int rowWidth = Integer.toString(Math.max(shown, 1)).length();
    StringBuilder sb = new StringBuilder();
    sb.append("# A tibble: ").append(grid.size()).append(" \u00d7 ").append(p).append('\n');
    for (int line = 0; line < shown + 2; line++) {
      String rowLabel = line < 2 ? "" : Integer.toString(line - 1);
      StringBuilder out = new StringBuilder(pad(rowLabel, rowWidth, true));
      for (int j = 0; j < p; j++) {
        List<String> cells = columns.get(j);
        int width = cells.stream().mapToInt(String::length).max().orElse(0);
        out.append(' ').append(pad(cells.get(line), width, rightAligned.get(j)));
      }
      sb.append(out.toString().stripTrailing()).append('\n');
    }
    if (grid.size() > shown) {
      int more = grid.size() - shown;
      sb.append("# \u2139 ").append(more).append(more == 1 ? " more row" : " more rows")
          .append('\n');
    }
    return sb.toString();
  }

  private static String typeTag(Parameter param) {
    if (param instanceof NumericParameter n) {
      return n.type() == NumericType.INTEGER ? "<int>" : "<dbl>";
    }
    return "<chr>";
  }

  /** Doubles with 3 significant digits as pillar does; scientific below 1e-3 or from 1e5. */
  static String cell(Object value) {
    if (!(value instanceof Double d)) {
      return String.valueOf(value);
    }
    double v = d;
    if (v == 0.0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs < 1e-3 || abs >= 1e5) {
      String s = String.format(Locale.ROOT, "%.2e", v);
      int e = s.indexOf('e');
      return stripZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
    }
    return stripZeros(new java.math.BigDecimal(v).round(new java.math.MathContext(3))
        .toPlainString());
  }

  private static String stripZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    String t = s.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - s.length()));
    return right ? spaces + s : s + spaces;
  }
}
