package org.tune4j.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;
import org.tune4j.cli.ResultsFixture;

class CompareCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void showsPerConfigChangesBetweenTwoNights() throws IOException {
    ResultsFixture.results("same", 0).writeCsv(dir.resolve("a"));
    ResultsFixture.results("same", 0.02).writeCsv(dir.resolve("b"));
    assertEquals(Main.OK, run("compare", dir.resolve("a").toString(), dir.resolve("b").toString()), err.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.matches("(?s).*Model1\\s+accuracy\\s+0\\.5100\\s+0\\.5300\\s+\\+0\\.0200\\s+\\{dense_units=8.*"),
        text);
    assertEquals(4, text.lines().filter(l -> l.startsWith("Model")).count(), text);
  }

  @Test
  void refusesRunsWhoseResamplesDiffer() throws IOException {
    ResultsFixture.results("fold-fingerprint-1", 0).writeCsv(dir.resolve("a"));
    ResultsFixture.results("fold-fingerprint-2", 0).writeCsv(dir.resolve("b"));
    assertEquals(Main.RESAMPLES_DIFFER, run("compare", dir.resolve("a").toString(), dir.resolve("b").toString()));
    String msg = err.toString(StandardCharsets.UTF_8);
    assertTrue(msg.contains("the runs were resampled differently (fingerprint fold-fingerprint-1 in "), msg);
    assertTrue(msg.contains("not comparable"), msg);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aDirectoryWithoutResultsIsBadInput() {
    assertEquals(Main.BAD_INPUT, run("compare", dir.toString(), dir.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("holds no results.json"), err.toString());
    assertEquals(Main.BAD_INPUT, run("compare", dir.toString()));
  }
}
