package org.tune4j.cli.report;

import java.util.List;
import java.util.Locale;
import org.tune4j.tuning.results.Table;

/** HTML text pieces: escaping and tables. Stateless and thread-safe. */
final class Html {
  private Html() {}

  /** The text with {@code & < > "} escaped. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A table as an HTML {@code <table>}; numbers right-aligned with 4 significant digits. */
  static String table(Table t, int highlightRow) {
    StringBuilder sb = new StringBuilder("<table><thead><tr>");
    t.names().forEach(n -> sb.append("<th>").append(escape(n)).append("</th>"));
    sb.append("</tr></thead><tbody>");
    List<List<Object>> rows = t.rows();
    for (int i = 0; i < rows.size(); i++) {
      sb.append(i == highlightRow ? "<tr class=\"best\">" : "<tr>");
      for (Object v : rows.get(i)) {
        sb.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(escape(cell(v))).append("</td>");
      }
      sb.append("</tr>");
    }
    return sb.append("</tbody></table>").toString();
  }

  /** A value as table text. */
  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.4g", d);
    }
    if (v instanceof java.util.Optional<?> o) {
      return o.map(Object::toString).orElse("");
    }
    return v.toString();
  }
}
