package org.tune4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium renders it to a PNG and dumps its DOM, and logs
 * no script or console error. Runs when {@code -Dtune4j.chromium=/usr/bin/chromium} is given (CI does;
 * {@code .ci/run} installs Debian's chromium), and is skipped, naming the property, otherwise. When the
 * property is set, a browser that fails to render is a failure.
 */
class ChromiumReportTest {
  static final String PROPERTY = "tune4j.chromium";
  private static final int MIN_COLOURS = 16;
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");
  @TempDir Path dir;
  Path chromium;
  Path page;

  @BeforeEach
  void setUp() throws IOException {
    String given = System.getProperty(PROPERTY, "");
    assumeTrue(!given.isBlank(), "-D" + PROPERTY + " is not set (give the Chromium binary, e.g. -D" + PROPERTY
        + "=/usr/bin/chromium, to render the report in a browser)");
    chromium = Path.of(given);
    assertTrue(Files.isExecutable(chromium), "-D" + PROPERTY + "=" + given + " is not an executable file");
    page = Files.writeString(dir.resolve("report.html"), HtmlReportTest.page(), StandardCharsets.UTF_8);
  }

  @Test
  void chromiumRendersTheReportWithItsTableAndPlotsAndNoErrors() throws Exception {
    Path png = dir.resolve("report.png");
    Result shot = chromium("--screenshot=" + png, "--window-size=1280,2000");
    assertEquals(0, shot.code(), "chromium --screenshot exited " + shot.code() + ": " + shot.stderr());
    assertTrue(Files.size(png) > 10_000, "a non-trivial PNG: " + Files.size(png) + " bytes");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth(), "window width");
    assertEquals(2000, image.getHeight(), "window height");
    assertTrue(colours(image) >= MIN_COLOURS, "the page drew something: " + colours(image) + " colours");

    Result dom = chromium("--dump-dom");
    assertEquals(0, dom.code(), "chromium --dump-dom exited " + dom.code() + ": " + dom.stderr());
    String html = dom.stdout();
    assertTrue(html.contains("<h2>Ranked candidates</h2>"), "the ranked table's heading: " + cut(html));
    assertTrue(html.contains("<tr class=\"best\"><td>Model4</td>"), "the chosen candidate first: " + cut(html));
    assertTrue(html.contains("<h2>Metrics versus parameters</h2>") && html.contains("<h2>Spread across folds</h2>"),
        "the plots' headings: " + cut(html));
    assertTrue(html.contains("learn_rate (log10 scale)</text>"), "a plot's axis title: " + cut(html));
    assertEquals(3, HtmlReportTest.count(html, "<svg "), "three plots in the rendered DOM");

    assertEquals(List.of(), consoleLines(shot.stderr() + dom.stderr()), "no script or console errors");
  }

  /** The check above can fail: a page with a console error and an uncaught exception is caught by it. */
  @Test
  void theConsoleCheckCatchesAScriptError() throws Exception {
    Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p><script>console.error(\"bad thing\");"
        + " throw new Error(\"boom\")</script></body></html>");
    Result dom = chromium("--dump-dom");
    assertEquals(0, dom.code(), dom.stderr());
    List<String> lines = consoleLines(dom.stderr());
    assertEquals(2, lines.size(), "the console error and the uncaught error: " + dom.stderr());
    assertTrue(lines.get(1).contains("Uncaught Error: boom"), lines.get(1));
  }

  /** Chromium's console lines ({@code INFO:CONSOLE:1] "…"}, older {@code CONSOLE(1)}) and uncaught errors. */
  static List<String> consoleLines(String stderr) {
    return stderr.lines().filter(l -> l.contains("Uncaught") || CONSOLE.matcher(l).find()).toList();
  }

  private record Result(int code, String stdout, String stderr) {}

  private Result chromium(String... what) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
    command.addAll(List.of(what));
    command.add(page.toUri().toString());
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private static String cut(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }
}
