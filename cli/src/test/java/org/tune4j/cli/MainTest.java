package org.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    assertEquals(Main.OK, run());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("demo"), text);
    assertTrue(text.contains("Exit codes: 0 done, 1 internal error (please report it; TUNE4J_DEBUG=1 prints the stack"
        + " trace), 2 bad input"), text);
    assertTrue(text.contains("4 run directory not writable or in use"), text);
    assertTrue(text.contains("143 stopped by SIGTERM (130 Ctrl-C; tune4j resume DIR continues)"), text);
    for (String command : List.of("demo", "tune", "resume", "report", "compare", "init", "metrics")) {
      assertTrue(text.contains("\n  " + command + " "), command);
    }
    assertEquals(Main.OK, run("--help"));
  }

  @Test
  void metricsIsDispatched(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path csv = dir.resolve("p.csv");
    java.nio.file.Files.writeString(csv, "label,pred_class,pred_a,pred_b\na,a,0.9,0.1\nb,a,0.6,0.4\n");
    assertEquals(Main.OK, run("metrics", csv.toString(), "--truth", "label", "--metrics", "accuracy", "--format", "csv"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("accuracy,binary,0.5"), out.toString());
    assertEquals(Main.BAD_INPUT, run("metrics", csv.toString(), "--truth", "nope"));
  }

  @Test
  void anUnknownCommandIsBadInputAndNamesTheChoices() {
    assertEquals(Main.BAD_INPUT, run("tuen"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command \"tuen\"; choose from:"), err.toString());
  }
}
