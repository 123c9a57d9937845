package org.tune4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tune4j.cli.ResultsFixture;

class HtmlReportTest {
  static String page() {
    return HtmlReport.render(new HtmlReport.Input("night <1>", ResultsFixture.results("fp", 0), "accuracy",
        Map.of("config", "Model4", "values", "{dense_units=16}", "mean", 0.6, "std_err", 0.01,
            "test", Map.of("accuracy", 0.61)), "{\"name\": \"night\"}", "2026 log line"));
  }

  @Test
  void thePageIsSelfContained() {
    String html = page();
    assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "loads nothing");
    assertFalse(html.contains("http://") || html.contains("https://"), "no URLs");
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no scripts");
    assertFalse(html.contains("@import") || html.contains("url("), "no CSS fetches");
  }

  @Test
  void thePageHoldsTheRankedTablePlotsSpreadNotesAndRunInformation() {
    String html = page();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<title>tune4j report: night &lt;1&gt;</title>"), "escaped title");
    assertTrue(html.contains("<h2>Ranked candidates</h2>"));
    int best = html.indexOf("<tr class=\"best\"><td>Model4</td>");
    assertTrue(best > 0, "the best config is the highlighted first row");
    assertEquals(3, count(html, "<svg "), "two parameter panels for the one metric, plus the spread panel");
    assertTrue(html.contains("learn_rate (log10 scale)"));
    assertTrue(html.contains("x &lt; y &amp; &quot;z&quot;"), "notes are escaped");
    assertTrue(html.contains("Last fit on the test images:</b> accuracy 0.6100"));
    assertTrue(html.contains("Resamples fingerprint <code>fp</code>"));
    assertTrue(html.contains("2026 log line"));
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void ticksAreRoundAndFew() {
    assertEquals(List.of(0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5), SvgPanel.ticks(0, 0.5));
    assertEquals(List.of(-3.0, -2.0), SvgPanel.logTicks(-3.05, -1.95));
  }
}
