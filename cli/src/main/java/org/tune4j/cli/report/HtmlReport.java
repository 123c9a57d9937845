package org.tune4j.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.QualitativeParameter;
import org.tune4j.tuning.params.Transform;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.Table;
import org.tune4j.tuning.results.TuneResults;

/**
 * Renders the report of a run as one self-contained HTML page: inline CSS, inline SVG plots, no
 * scripts and nothing fetched from the network. Sections: the best candidate and its test metrics,
 * the ranked table, metric-versus-parameter plots (tune's {@code autoplot}), the spread of the chosen
 * metric across folds, the race (for a search that dropped candidates) or the Bayesian iterations, notes, and run information. Stateless and thread-safe.
 *
 * <pre>{@code
 * String html = HtmlReport.render(new HtmlReport.Input("demo", results, "accuracy", best, jobJson, log));
 * }</pre>
 */
public final class HtmlReport {
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1100px;"
          + "color:#222;padding:0 16px}",
      "h1{font-size:1.6em;margin-bottom:4px}h2{font-size:1.2em;margin-top:28px;border-bottom:1px solid #ddd}",
      ".sub{color:#666;margin-top:0}",
      "table{border-collapse:collapse;font-size:13px;margin:8px 0}",
      "th,td{border-bottom:1px solid #e4e4e4;padding:3px 8px;text-align:left}td.num{text-align:right;"
          + "font-variant-numeric:tabular-nums}",
      "tr.best td{background:#eef6ee;font-weight:600}",
      ".box{background:#f6f8fa;border:1px solid #e1e4e8;border-radius:6px;padding:10px 14px}",
      ".plots{display:flex;flex-wrap:wrap;gap:8px}",
      "svg .plot{fill:#fafafa;stroke:#ccc}svg .grid{stroke:#e8e8e8}svg .axis{stroke:#999}",
      "svg .tick{font-size:10px;fill:#555}svg .title{font-size:11px;fill:#222}",
      "svg .pt{fill:#3b6ea5;fill-opacity:.8}svg .best{fill:#c0392b}svg .err{stroke:#3b6ea5;stroke-width:1.2}",
      "pre{background:#f6f8fa;padding:8px;overflow-x:auto;font-size:12px;max-height:360px}");

  private HtmlReport() {}

  /**
   * What the report shows.
   *
   * @param jobName the job's name
   * @param results the tuning results
   * @param selectBy the metric that chose the best candidate
   * @param best {@code best.json} as a tree (config, values, mean, test metrics), or an empty map
   * @param jobJson the job as run ({@code job.json})
   * @param log the run log
   */
  public record Input(String jobName, TuneResults results, String selectBy, Map<String, Object> best,
      String jobJson, String log) {
    /** Validates and copies. */
    public Input {
      Objects.requireNonNull(jobName, "jobName");
      Objects.requireNonNull(results, "results");
      Objects.requireNonNull(selectBy, "selectBy");
      best = Map.copyOf(best);
      Objects.requireNonNull(jobJson, "jobJson");
      Objects.requireNonNull(log, "log");
    }
  }

  /** The page. */
  public static String render(Input in) {
    TuneResults r = in.results();
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>tune4j report: ").append(Html.escape(in.jobName())).append("</title><style>")
        .append(CSS).append("</style></head><body>\n");
    long configs = r.metricSummaries().stream().map(MetricSummary::configId).distinct().count();
    long resamples = r.metricRows().stream().map(MetricRow::id).distinct().count();
    sb.append("<h1>").append(Html.escape(in.jobName())).append("</h1><p class=\"sub\">tune4j run report: ")
        .append(configs).append(" candidates × ").append(resamples).append(" resamples, ranked by <b>")
        .append(Html.escape(in.selectBy())).append("</b></p>\n");
    sb.append(bestBox(in));
    Table ranked = r.showBest(in.selectBy(), (int) Math.max(1, configs));
    sb.append("<h2>Ranked candidates</h2>").append(Html.table(ranked, 0)).append('\n');
    sb.append("<h2>Metrics versus parameters</h2><p class=\"sub\">Mean over resamples ± one standard error,"
        + " one panel per metric and parameter (tune's autoplot draws the means only). The chosen candidate is red.</p>")
        .append(autoplot(r, bestConfig(in))).append('\n');
    sb.append("<h2>Spread across folds</h2><p class=\"sub\">Each resample's ").append(Html.escape(in.selectBy()))
        .append(" per candidate, best first.</p>").append(spread(r, in.selectBy(), ranked)).append('\n');
    if (searched(in.jobJson())) {
      sb.append(RaceSection.html(r, r.metrics().names().get(0), in.log()));
      sb.append(IterationSection.html(r, r.metrics().names().get(0), bestConfig(in), in.log()));
    }
    sb.append("<h2>Notes</h2>").append(notes(r)).append('\n');
    sb.append("<h2>Run information</h2><p>Resamples fingerprint <code>").append(Html.escape(r.resamplesFingerprint()))
        .append("</code></p><h3>Job</h3><pre>").append(Html.escape(in.jobJson())).append("</pre><h3>Log</h3><pre>")
        .append(Html.escape(in.log())).append("</pre>\n</body></html>\n");
    return sb.toString();
  }

  /** Whether the job searched its grid another way than fitting everything (a {@code search} section). */
  private static boolean searched(String jobJson) {
    try {
      return org.tune4j.tuning.json.Json.requireObject(org.tune4j.tuning.json.Json.parse(jobJson), "$")
          .containsKey("search");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String bestConfig(Input in) {
    Object c = in.best().get("config");
    return c == null ? "" : c.toString();
  }

  private static String bestBox(Input in) {
    if (in.best().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("<div class=\"box\"><b>Chosen:</b> ").append(Html.escape(bestConfig(in)));
    sb.append(" ").append(Html.escape(String.valueOf(in.best().get("values"))));
    Object mean = in.best().get("mean");
    if (mean instanceof Number m) {
      sb.append(String.format(Locale.ROOT, " — resampled %s %.4f", Html.escape(in.selectBy()), m.doubleValue()));
      if (in.best().get("std_err") instanceof Number se) {
        sb.append(String.format(Locale.ROOT, " ± %.4f", se.doubleValue()));
      }
    }
    if (in.best().get("test") instanceof Map<?, ?> test && !test.isEmpty()) {
      sb.append("<br><b>Last fit on the test images:</b> ");
      List<String> parts = new ArrayList<>();
      test.forEach((k, v) -> parts.add(Html.escape(k + " " + Html.cell(v instanceof Number n ? n.doubleValue() : v))));
      sb.append(String.join(", ", parts));
    }
    return sb.append("</div>\n").toString();
  }

  private static String autoplot(TuneResults r, String best) {
    StringBuilder sb = new StringBuilder();
    for (String metric : r.metrics().names()) {
      sb.append("<div class=\"plots\">");
      for (Parameter p : r.parameters()) {
        SvgPanel panel = panel(p, metric);
        for (MetricSummary s : r.metricSummaries()) {
          if (s.metric().equals(metric)) {
            panel.point(x(p, s.params().get(p.id())), s.mean(), s.stdErr(), s.configId().equals(best));
          }
        }
        sb.append(panel.svg());
      }
      sb.append("</div>");
    }
    return sb.toString();
  }

  private static SvgPanel panel(Parameter p, String metric) {
    if (p instanceof QualitativeParameter q) {
      return SvgPanel.categorical(p.id(), metric, q.values());
    }
    return SvgPanel.numeric(p.id(), metric, ((NumericParameter) p).transform() != Transform.IDENTITY);
  }

  private static double x(Parameter p, Object value) {
    if (p instanceof QualitativeParameter q) {
      return q.values().indexOf(String.valueOf(value));
    }
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static String spread(TuneResults r, String metric, Table ranked) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < ranked.nrow(); i++) {
      order.add(ranked.getString(i, "config"));
    }
    SvgPanel panel = SvgPanel.categorical("candidate (best first)", metric, order);
    Map<String, List<Double>> byConfig = new LinkedHashMap<>();
    for (MetricRow row : r.metricRows()) {
      if (row.metric().equals(metric)) {
        byConfig.computeIfAbsent(row.configId(), k -> new ArrayList<>()).add(row.estimate());
      }
    }
    byConfig.entrySet().stream().sorted(Comparator.comparingInt(e -> order.indexOf(e.getKey()))).forEach(e -> {
      int i = order.indexOf(e.getKey());
      e.getValue().forEach(v -> panel.point(i, v, 0, false));
    });
    return panel.wide();
  }

  private static String notes(TuneResults r) {
    List<Note> notes = r.noteRows();
    if (notes.isEmpty()) {
      return "<p>No notes: every fit finished without warnings.</p>";
    }
    return Html.table(r.notes(), -1);
  }
}
