package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;
import org.tune4j.tuning.json.Json;

/**
 * SIGTERM (what Ctrl-C and {@code kill} send) mid-run: the child says in one line how far it got and
 * how to resume, exits 143, leaves whole journal lines and a released lock, and {@code resume} then
 * gives the metrics of an uninterrupted run.
 */
class StopResumeTest {
  private static final int TASKS = 6 * 3;
  @TempDir Path dir;

  @Test
  void sigtermMidRunSaysHowFarItGotAndTheRunResumesToTheUninterruptedResults() throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), CrashResumeTest.JOB);
    Path stopped = dir.resolve("stopped");
    Path journal = stopped.resolve(Journal.FILE);
    ChildJvm.Child child = ChildJvm.start(dir.resolve("first"), List.of("-Xmx2g"), "tune", job.toString(),
        "--run-dir", stopped.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(journal) || Files.readAllLines(journal).size() < 2) {
      assertTrue(child.process().isAlive(), "the run ended before it could be stopped: " + child.stderr());
      assertTrue(System.nanoTime() < deadline, "no journal lines within 90 s");
      Thread.sleep(20);
    }
    child.process().destroy();   // SIGTERM on Linux: shutdown hooks run
    assertEquals(143, child.waitFor(60), "128 + SIGTERM; stderr: " + child.stderr());

    String text = Files.readString(journal);
    assertTrue(text.endsWith("\n"), "no torn last line: " + text);
    List<String> lines = text.lines().toList();
    lines.forEach(l -> Json.requireObject(Json.parse(l), "$"));
    assertTrue(lines.size() < TASKS, "stopped mid-way: " + lines.size());
    List<String> said = child.stderr().lines().filter(l -> l.startsWith("tune4j: stopped")).toList();
    assertEquals(List.of("tune4j: stopped (SIGTERM or Ctrl-C) after " + lines.size() + " of " + TASKS
        + " tasks; the run is resumable: tune4j resume " + stopped), said, child.stderr());
    String after = child.stderr().substring(child.stderr().indexOf("tune4j: stopped"));
    assertEquals(1, after.lines().count(), "nothing is printed after the stop line: " + after);
    assertEquals("", Files.readString(stopped.resolve(RunLock.FILE)), "the lock was released");
    assertFalse(Files.exists(stopped.resolve("results.json")), "the run did not finish");

    assertEquals(Main.OK, run("resume", stopped.toString()));
    Path clean = dir.resolve("clean");
    assertEquals(Main.OK, run("tune", job.toString(), "--run-dir", clean.toString()));
    assertEquals(Files.readString(clean.resolve("metrics.csv")), Files.readString(stopped.resolve("metrics.csv")));
    assertEquals(Files.readString(clean.resolve("best.json")), Files.readString(stopped.resolve("best.json")));
    assertEquals(TASKS, Files.readAllLines(journal).size(), "every task once");
  }

  private static int run(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    int code = Main.run(List.of(args), ps, ps);
    if (code != Main.OK) {
      throw new AssertionError("tune4j " + String.join(" ", args) + " exited " + code + ": " + sink);
    }
    return code;
  }
}
