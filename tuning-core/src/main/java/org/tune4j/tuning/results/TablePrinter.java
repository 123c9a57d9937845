package org.tune4j.tuning.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats a {@link Table} the way a tibble prints: a dimensions header, names, type tags and
 * aligned cells. Doubles show 3 significant digits (all
 * digits before the point from 1000 on; scientific below 1e-3 and from 1e5, as
 * the grid printer does) and line up on the decimal point when the column has no scientific
 * cell; text is left-aligned and cut to {@value #MAX_TEXT} characters. Stateless.
 */
final class TablePrinter {

  /** Text cells longer than this are cut and end in an ellipsis, as pillar does. */
  static final int MAX_TEXT = 40;
  private static final MathContext SIGNIFICANT = new MathContext(3, RoundingMode.HALF_EVEN);
  private static final double SCIENTIFIC_BELOW = 1e-3;
  private static final double SCIENTIFIC_FROM = 1e5;
  /** From here on every digit before the point is shown (1235, not 1230), as pillar does. */
  private static final double WHOLE_DIGITS_FROM = 1e3;

  private TablePrinter() {}

  static String format(Table table, int maxRows) {
    int shown = Math.min(maxRows, table.nrow());
    List<List<String>> columns = new ArrayList<>();
    for (int j = 0; j < table.ncol(); j++) {
      columns.add(column(table, j, shown));
    }
    int labelWidth = Integer.toString(Math.max(shown, 1)).length();
    StringBuilder sb = new StringBuilder();
    sb.append("# A tibble: ").append(table.nrow()).append(" \u00d7 ").append(table.ncol())
        .append('\n');
    for (int line = 0; line < shown + 2; line++) {
      String label = line < 2 ? "" : Integer.toString(line - 1);
      StringBuilder out = new StringBuilder(pad(label, labelWidth, true));
      for (int j = 0; j < table.ncol(); j++) {
        List<String> cells = columns.get(j);
        int width = cells.stream().mapToInt(String::length).max().orElse(0);
        out.append(' ').append(pad(cells.get(line), width, table.types().get(j).isNumeric()));
      }
      sb.append(out.toString().stripTrailing()).append('\n');
    }
    int more = table.nrow() - shown;
    if (more > 0) {
      sb.append("# \u2139 ").append(more).append(more == 1 ? " more row" : " more rows")
          .append('\n');
    }
    return sb.toString();
  }

  /** Name, type tag and the shown cells of column {@code j}, formatted but not padded. */
  private static List<String> column(Table table, int j, int shown) {
    ColumnType type = table.types().get(j);
    List<String> cells = new ArrayList<>(shown + 2);
    for (int i = 0; i < shown; i++) {
      cells.add(cell(table.rows().get(i).get(j), type));
    }
    if (type == ColumnType.DBL) {
      cells = alignDecimals(cells);
    }
    List<String> all = new ArrayList<>(shown + 2);
    all.add(table.names().get(j));
    all.add(type.tag());
    all.addAll(cells);
    return all;
  }

  static String cell(Object value, ColumnType type) {
    if (value == null) {
      return type == ColumnType.CHR ? "<NA>" : "NA";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof String s) {
      return text(s);
    }
    return value.toString();
  }

  /** A double with 3 significant digits, as pillar shows it; exact ties round to even, as R. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    if (v == 0.0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs < SCIENTIFIC_BELOW || abs >= SCIENTIFIC_FROM) {
      String s = String.format(Locale.ROOT, "%.2e", v);
      int e = s.indexOf('e');
      return stripZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
    }
    BigDecimal exact = new BigDecimal(v);
    BigDecimal shown = abs >= WHOLE_DIGITS_FROM ? exact.setScale(0, RoundingMode.HALF_EVEN)
        : exact.round(SIGNIFICANT);
    return stripZeros(shown.toPlainString());
  }

  private static String text(String s) {
    String flat = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "\u2026";
  }

  /** Pads fixed-notation cells so their decimal points line up; leaves others alone. */
  private static List<String> alignDecimals(List<String> cells) {
    if (cells.stream().anyMatch(c -> c.contains("e"))) {
      return cells;
    }
    int left = 0;
    int right = 0;
    for (String c : cells) {
      int dot = c.indexOf('.');
      left = Math.max(left, dot < 0 ? c.length() : dot);
      right = Math.max(right, dot < 0 ? 0 : c.length() - dot);
    }
    List<String> out = new ArrayList<>(cells.size());
    for (String c : cells) {
      int dot = c.indexOf('.');
      String whole = dot < 0 ? c : c.substring(0, dot);
      String fraction = dot < 0 ? "" : c.substring(dot);
      out.add(pad(whole, left, true) + pad(fraction, right, false));
    }
    return out;
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
