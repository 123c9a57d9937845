package org.tune4j.cli.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tune4j.tuning.metrics.MetricEstimate;
import org.tune4j.tuning.metrics.MetricTable;

/**
 * Renders a {@link MetricTable} as a tibble-like table, CSV or JSON. The table rounds estimates
 * to 3 significant digits as a tibble prints them; CSV and JSON keep every digit (a value
 * written is the same double read back). Undefined estimates print as {@code NA} (table, CSV)
 * and {@code null} (JSON). Stateless and thread-safe.
 */
final class MetricsOutput {

  /** Output formats. */
  enum Format {
    TABLE,
    CSV,
    JSON;

    static Format fromLabel(String label) {
      for (Format f : values()) {
        if (f.name().toLowerCase(Locale.ROOT).equals(label)) {
          return f;
        }
      }
      throw new IllegalArgumentException("--format \"" + label + "\" is not known; choose from:"
          + " table, csv, json");
    }
  }

  private static final int SIGNIFICANT_DIGITS = 3;

  private MetricsOutput() {}

  static String format(MetricTable table, Format format) {
    switch (format) {
      case CSV:
        return csv(table);
      case JSON:
        return json(table);
      default:
        return tibble(table);
    }
  }

  private static String csv(MetricTable table) {
    StringBuilder sb = new StringBuilder("metric,estimator,estimate\n");
    for (MetricEstimate r : table.rows()) {
      sb.append(r.metric()).append(',').append(r.estimator()).append(',')
          .append(r.isDefined() ? Double.toString(r.estimate()) : "NA").append('\n');
    }
    return sb.toString();
  }

  private static String json(MetricTable table) {
    StringBuilder sb = new StringBuilder("[");
    List<MetricEstimate> rows = table.rows();
    for (int i = 0; i < rows.size(); i++) {
      MetricEstimate r = rows.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("  {\"metric\": \"").append(r.metric())
          .append("\", \"estimator\": \"").append(r.estimator()).append("\", \"estimate\": ")
          .append(r.isDefined() ? Double.toString(r.estimate()) : "null").append('}');
    }
    return sb.append("\n]\n").toString();
  }

  /** {@code # A tibble: n × 3}, a type line, row numbers, decimal points aligned. */
  private static String tibble(MetricTable table) {
    List<MetricEstimate> rows = table.rows();
    List<String> values = new ArrayList<>();
    int intWidth = 0;
    int fracWidth = 0;
    for (MetricEstimate r : rows) {
      String v = r.isDefined() ? round(r.estimate()) : "NA";
      values.add(v);
      int dot = v.indexOf('.');
      intWidth = Math.max(intWidth, dot < 0 ? v.length() : dot);
      fracWidth = Math.max(fracWidth, dot < 0 ? 0 : v.length() - dot);
    }
    int metricWidth = "metric".length();
    int estimatorWidth = "estimator".length();
    for (MetricEstimate r : rows) {
      metricWidth = Math.max(metricWidth, r.metric().length());
      estimatorWidth = Math.max(estimatorWidth, r.estimator().length());
    }
    int valueWidth = Math.max("estimate".length(), intWidth + fracWidth);
    int rowWidth = Integer.toString(rows.size()).length();
    StringBuilder sb = new StringBuilder();
    sb.append("# A tibble: ").append(rows.size()).append(" \u00d7 3\n");
    line(sb, " ".repeat(rowWidth), padRight("metric", metricWidth),
        padRight("estimator", estimatorWidth), padLeft("estimate", valueWidth));
    line(sb, " ".repeat(rowWidth), padRight("<chr>", metricWidth),
        padRight("<chr>", estimatorWidth), padLeft("<dbl>", valueWidth));
    for (int i = 0; i < rows.size(); i++) {
      String v = values.get(i);
      int dot = v.indexOf('.');
      String aligned = padLeft(dot < 0 ? v : v.substring(0, dot), intWidth)
          + padRight(dot < 0 ? "" : v.substring(dot), fracWidth);
      line(sb, padLeft(Integer.toString(i + 1), rowWidth),
          padRight(rows.get(i).metric(), metricWidth),
          padRight(rows.get(i).estimator(), estimatorWidth), padLeft(aligned, valueWidth));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String... cells) {
    sb.append(String.join(" ", cells).stripTrailing()).append('\n');
  }

  private static String round(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros()
        .toPlainString();
  }

  private static String padRight(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
