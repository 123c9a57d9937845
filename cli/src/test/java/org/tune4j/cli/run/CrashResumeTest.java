package org.tune4j.cli.run;

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
import org.tune4j.tuning.results.TuneResults;

/**
 * Starts a real run in a child JVM, kills it with SIGKILL mid-way, resumes it in a second JVM and
 * checks the results equal those of an uninterrupted run (a third JVM) and that no finished task ran twice.
 */
class CrashResumeTest {
  private static final int TASKS = JournalLines.CRASH_TASKS;
  @TempDir Path dir;

  static final String JOB = JournalLines.CRASH_JOB;

  @Test
  void aKilledRunResumesToTheResultsOfAnUninterruptedRun() throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), JOB);
    Path crashed = dir.resolve("crashed");
    Path journal = crashed.resolve(Journal.FILE);

    Process first = start(dir.resolve("first.log"), "tune", job.toString(), "--run-dir", crashed.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (lines(journal).size() < 2) {
      assertTrue(first.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("first.log")));
      assertTrue(System.nanoTime() < deadline, "no journal lines within 90 s");
      Thread.sleep(20);
    }
    first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
    first.waitFor(30, TimeUnit.SECONDS);
    assertEquals(137, first.exitValue(), "killed by SIGKILL (128 + 9)");
    assertFalse(Files.exists(crashed.resolve("results.json")), "the run did not finish");
    byte[] beforeResume = Files.readAllBytes(journal);
    List<String> doneBefore = keys(lines(journal));
    assertTrue(doneBefore.size() < TASKS, "killed mid-way: " + doneBefore.size() + " of " + TASKS);

    assertEquals(Main.OK, run(dir.resolve("resume.log"), "resume", crashed.toString()));
    String resumeLog = Files.readString(dir.resolve("resume.log"));
    assertTrue(resumeLog.contains("Resuming: " + doneBefore.size() + " finished tasks"), resumeLog);
    List<String> all = keys(lines(journal));
    assertEquals(TASKS, all.size(), "every task once: " + all);
    assertEquals(TASKS, new HashSet<>(all).size(), "no task ran twice: " + all);
    byte[] after = Files.readAllBytes(journal);
    int complete = lastNewline(beforeResume) + 1;   // a torn tail, if any, is cut; complete lines stay as they were
    for (int i = 0; i < complete; i++) {
      assertEquals(beforeResume[i], after[i], "journal byte " + i + " was rewritten");
    }

    Path clean = dir.resolve("clean");
    assertEquals(Main.OK, run(dir.resolve("clean.log"), "tune", job.toString(), "--run-dir", clean.toString()));
    assertEquals(TuneResults.read(clean), TuneResults.read(crashed));
    assertEquals(Files.readString(clean.resolve("metrics.csv")), Files.readString(crashed.resolve("metrics.csv")));
    assertEquals(Files.readString(clean.resolve("best.json")), Files.readString(crashed.resolve("best.json")));
  }

  private static int lastNewline(byte[] b) {
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static List<String> lines(Path journal) throws IOException {
    return JournalLines.complete(journal);
  }

  private static List<String> keys(List<String> lines) {
    return JournalLines.taskKeys(lines);
  }

  private static int run(Path log, String... args) throws Exception {
    return ChildRuns.run(log, 120, List.of(), args);
  }

  private static Process start(Path log, String... args) throws IOException {
    return ChildRuns.start(log, List.of(), args);
  }
}
