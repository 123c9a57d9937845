package org.tune4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;
import org.tune4j.cli.run.ChildRuns;
import org.tune4j.cli.run.JournalLines;

/**
 * A driver running a job on Spark {@code local[2]} is killed with SIGKILL mid-way; {@code resume --master local[2]}
 * finishes it from its journal, and the results equal a plain local run's, with no finished task run twice.
 */
class SparkCrashResumeTest {
  private static final int TASKS = JournalLines.CRASH_TASKS;
  @TempDir Path dir;


  @Test
  void aKilledDriverResumesOnSparkToTheLocalResults() throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), JournalLines.CRASH_JOB);
    Path crashed = dir.resolve("runs/crashed");
    Path journal = crashed.resolve("journal.jsonl");
    Process first = start(dir.resolve("first.log"), "tune", job.toString(), "--run-dir", crashed.toString(),
        "--master", "local[2]");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(journal).isEmpty()) {
      assertTrue(first.isAlive(), "the run ended before it could be killed: "
          + Files.readString(dir.resolve("first.log")));
      assertTrue(System.nanoTime() < deadline, "no journal lines within 120 s");
      Thread.sleep(20);
    }
    first.destroyForcibly();
    first.waitFor(30, TimeUnit.SECONDS);
    assertEquals(137, first.exitValue(), "killed by SIGKILL (128 + 9)");
    List<String> doneBefore = keys(lines(journal));
    assertTrue(doneBefore.size() < TASKS, "killed mid-way: " + doneBefore.size() + " of " + TASKS);

    assertEquals(Main.OK, run(dir.resolve("resume.log"), "resume", crashed.toString(), "--master", "local[2]"),
        Files.readString(dir.resolve("resume.log")));
    String resumeLog = Files.readString(dir.resolve("resume.log"));
    assertTrue(resumeLog.contains("Resuming: " + doneBefore.size() + " finished tasks"), resumeLog);
    List<String> all = keys(lines(journal));
    assertEquals(TASKS, all.size(), "every task once: " + all);
    assertEquals(TASKS, new HashSet<>(all).size(), "no task ran twice: " + all);

    Path clean = dir.resolve("runs/clean");
    assertEquals(Main.OK, run(dir.resolve("clean.log"), "tune", job.toString(), "--run-dir", clean.toString()));
    assertEquals(Files.readString(clean.resolve("metrics.csv")), Files.readString(crashed.resolve("metrics.csv")));
    assertEquals(Files.readString(clean.resolve("best.json")), Files.readString(crashed.resolve("best.json")));
    assertFalse(Files.readString(clean.resolve("run.log")).contains("executor: spark"));
  }

  private static List<String> lines(Path journal) throws IOException {
    return JournalLines.complete(journal);
  }

  private static List<String> keys(List<String> lines) {
    return JournalLines.taskKeys(lines);
  }

  private static int run(Path log, String... args) throws Exception {
    return ChildRuns.run(log, 180, StandaloneClusterTest.jvmOptions(), args);
  }

  private static Process start(Path log, String... args) throws IOException {
    return ChildRuns.start(log, StandaloneClusterTest.jvmOptions(), args);
  }
}
