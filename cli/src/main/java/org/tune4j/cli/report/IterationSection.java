package org.tune4j.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;

/**
 * The report's view of a Bayesian search: the mean of the optimised metric (± one standard error)
 * by iteration, the initial candidates at iteration 0 and {@code IterN} at N (tune's
 * {@code autoplot(type = "performance")}); then the search's messages from the run log. Empty when
 * no candidate is an {@code Iter}. Stateless.
 */
final class IterationSection {
  private IterationSection() {}

  static String html(TuneResults r, String metric, String best, String log) {
    Map<String, MetricSummary> byConfig = new LinkedHashMap<>();
    r.metricSummaries().stream().filter(s -> s.metric().equals(metric)).forEach(s -> byConfig.put(s.configId(), s));
    if (byConfig.keySet().stream().noneMatch(IterationSection::isIteration)) {
      return "";
    }
    SvgPanel panel = SvgPanel.numeric("iteration (0: initial candidates)", metric, false);
    byConfig.forEach((id, s) -> panel.point(isIteration(id) ? Integer.parseInt(id.substring(4)) : 0, s.mean(),
        s.stdErr(), id.equals(best)));
    StringBuilder sb = new StringBuilder("<h2>Bayesian iterations</h2><p class=\"sub\">Mean ")
        .append(Html.escape(metric)).append(" ± one standard error of each candidate by the iteration that proposed"
            + " it. The chosen candidate is red.</p>").append(panel.wide());
    String messages = String.join("\n", log.lines().filter(l -> l.contains("search round "))
        .map(l -> l.substring(l.indexOf("search round "))).toList());
    if (!messages.isEmpty()) {
      sb.append("<pre>").append(Html.escape(messages)).append("</pre>");
    }
    return sb.append('\n').toString();
  }

  private static boolean isIteration(String configId) {
    return configId.matches("Iter\\d+");
  }
}
