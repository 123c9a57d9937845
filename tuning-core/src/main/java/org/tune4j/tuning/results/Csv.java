package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV for the results files: fields with a comma, a double quote, CR or LF are quoted
 * ({@code ""} for a quote inside); doubles are written with {@link Double#toString} so they
 * read back exactly, NaN as {@code NA} and infinities as {@code Inf} / {@code -Inf} (as R's
 * {@code read.csv} expects). Stateless.
 */
final class Csv {

  private Csv() {}

  /** One line (with a final {@code \n}) of the given cells. */
  static String line(List<?> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(cells.get(i)));
    }
    return sb.append('\n').toString();
  }

  /** A cell as a CSV field: numbers exact, {@code null} empty, text quoted when needed. */
  static String field(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double d) {
      return number(d);
    }
    String s = cell.toString();
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** A double as written: exact, {@code NA} for NaN, {@code Inf} / {@code -Inf}. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "NA";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Inf" : "-Inf";
    }
    return Double.toString(d);
  }

  /** Reads a field written by {@link #number}. */
  static double parseNumber(String field) {
    return switch (field) {
      case "NA" -> Double.NaN;
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(field);
    };
  }

  /** The records of a CSV text; quoted fields may hold commas, quotes and line breaks. */
  static List<List<String>> parse(String text) {
    return org.tune4j.tuning.csv.CsvRecords.readAll(text, "results CSV");
  }
}
