package org.tune4j.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.TuneResults;

/**
 * The report's view of a search that did not fit every candidate on every resample (a race): a
 * table of candidates by resamples (in resample order; the order raced is in the messages), each
 * cell the raced metric where the candidate was fitted and empty where it was not, longest-lasting
 * candidates first; then the search's messages from the run log ({@code search round N: …}), which
 * say after which resample each elimination came. Empty for a grid. Stateless.
 */
final class RaceSection {
  private RaceSection() {}

  /** The section's HTML, or an empty string when every candidate has every resample. */
  static String html(TuneResults r, String metric, String log) {
    Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
    for (MetricRow row : r.metricRows()) {
      if (row.metric().equals(metric)) {
        cells.computeIfAbsent(row.configId(), k -> new LinkedHashMap<>()).put(row.resampleId(), row.estimate());
      }
    }
    List<String> order = new ArrayList<>();
    cells.values().stream().max(Comparator.comparingInt(Map::size)).ifPresent(m -> order.addAll(m.keySet()));
    cells.values().forEach(m -> m.keySet().forEach(id -> {
      if (!order.contains(id)) {
        order.add(id);
      }
    }));
    if (cells.values().stream().allMatch(m -> m.size() == order.size())) {
      return "";
    }
    Map<String, Integer> configRank = new HashMap<>();
    List<String> configs = new ArrayList<>(cells.keySet());
    for (int i = 0; i < configs.size(); i++) {
      configRank.put(configs.get(i), i);
    }
    configs.sort(Comparator.comparingInt((String c) -> -cells.get(c).size()).thenComparing(configRank::get));
    StringBuilder sb = new StringBuilder("<h2>The race</h2><p class=\"sub\">").append(Html.escape(metric))
        .append(" of each candidate on each resample it was fitted on; the messages below say after which"
            + " resample candidates were dropped.</p><table><thead><tr><th>candidate</th><th>n</th>");
    order.forEach(id -> sb.append("<th>").append(Html.escape(id)).append("</th>"));
    sb.append("</tr></thead><tbody>");
    for (String c : configs) {
      Map<String, Double> m = cells.get(c);
      sb.append("<tr><td>").append(Html.escape(c)).append("</td><td class=\"num\">").append(m.size()).append("</td>");
      for (String id : order) {
        Double v = m.get(id);
        sb.append(v == null ? "<td></td>" : "<td class=\"num\">" + Html.escape(Html.cell(v)) + "</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</tbody></table>");
    List<String> messages = log.lines().filter(l -> l.contains("search round ")).map(l ->
        l.substring(l.indexOf("search round "))).toList();
    if (!messages.isEmpty()) {
      sb.append("<pre>").append(Html.escape(String.join("\n", messages))).append("</pre>");
    }
    return sb.append('\n').toString();
  }
}
