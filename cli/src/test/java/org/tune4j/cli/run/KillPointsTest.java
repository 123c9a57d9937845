package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tune4j.cli.Main;
import org.tune4j.tuning.results.TuneResults;

/**
 * Fault injection: a {@code tune} child is SIGKILLed at several points, each triggered by what the
 * child prints or writes (a progress line between tasks; the log's end-of-tuning line, as the last fit
 * starts; {@code best.json}, just before the report is written), and every killed run resumes to
 * the results of one uninterrupted run, with no half-written file left behind.
 */
class KillPointsTest {
  private static final int TASKS = 6 * 3;
  @TempDir static Path dir;
  static Path job;
  static Path clean;

  /** Where the child is killed, and the sign that it got there. */
  enum Point {
    /** After the fifth finished task: its progress line is printed after its journal line. */
    BETWEEN_TASKS {
      @Override
      boolean reached(Path run, ChildJvm.Child child) throws IOException {
        return child.stderr().contains("[5/" + TASKS + "]");
      }
    },
    /** Tuning is done (the log says so) and the last fit is starting. */
    DURING_THE_LAST_FIT {
      @Override
      boolean reached(Path run, ChildJvm.Child child) throws IOException {
        Path log = run.resolve(RunDirectory.LOG);
        return Files.exists(log) && Files.readString(log).contains("tuning: " + TASKS + " tasks in");
      }
    },
    /** {@code best.json} is written: the report comes next. */
    WHILE_WRITING_THE_REPORT {
      @Override
      boolean reached(Path run, ChildJvm.Child child) {
        return Files.exists(run.resolve(RunDirectory.BEST));
      }
    };

    abstract boolean reached(Path run, ChildJvm.Child child) throws IOException;
  }

  @BeforeAll
  static void anUninterruptedRun() throws Exception {
    job = Files.writeString(dir.resolve("job.yaml"), CrashResumeTest.JOB);
    clean = dir.resolve("clean");
    run("tune", job.toString(), "--run-dir", clean.toString());
  }

  @ParameterizedTest
  @EnumSource(Point.class)
  void aRunKilledHereResumesToTheUninterruptedResults(Point point) throws Exception {
    Path killed = dir.resolve(point.name().toLowerCase(java.util.Locale.ROOT));
    ChildJvm.Child child = ChildJvm.start(dir.resolve(point.name()), List.of("-Xmx2g"), "tune", job.toString(),
        "--run-dir", killed.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!point.reached(killed, child)) {
      assertTrue(child.process().isAlive(), point + " not reached before the run ended: " + child.stderr());
      assertTrue(System.nanoTime() < deadline, point + " not reached within 120 s");
      Thread.sleep(5);
    }
    child.process().destroyForcibly();
    child.waitFor(30);
    assertEquals(137, child.process().exitValue(), "SIGKILL (128 + 9)");
    if (point == Point.BETWEEN_TASKS) {
      assertTrue(!Files.exists(killed.resolve("results.json")), "killed while tuning");
    }
    if (point == Point.DURING_THE_LAST_FIT) {
      assertTrue(!Files.exists(killed.resolve(RunDirectory.BEST)), "killed before the last fit ended");
    }
    if (Files.exists(killed.resolve("results.json"))) {
      TuneResults.read(killed);   // whole, if there at all
    }

    run("resume", killed.toString());
    assertEquals(Files.readString(clean.resolve("metrics.csv")), Files.readString(killed.resolve("metrics.csv")), point.name());
    assertEquals(Files.readString(clean.resolve("best.json")), Files.readString(killed.resolve("best.json")), point.name());
    assertEquals(TuneResults.read(clean), TuneResults.read(killed), point.name());
    assertEquals(TASKS, Files.readAllLines(killed.resolve(Journal.FILE)).size(), "every task once");
    String report = Files.readString(killed.resolve(RunDirectory.REPORT));
    assertTrue(report.startsWith("<!DOCTYPE html>") && report.stripTrailing().endsWith("</html>"), "a whole report");
  }

  private static void run(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    int code = Main.run(List.of(args), ps, ps);
    assertEquals(Main.OK, code, "tune4j " + String.join(" ", args) + ": " + sink);
  }
}
