package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.results.TuneResults;

/**
 * Starts a real run in a child JVM, kills it with SIGKILL mid-way, resumes it in a second JVM and
 * checks the results equal those of an uninterrupted run (a third JVM) and that no finished task ran twice.
 */
class CrashResumeTest {
  private static final int TASKS = 6 * 3;
  @TempDir Path dir;

  static final String JOB = String.join("\n",
      "name: crash",
      "data: {type: embedded, train_per_class: 20, test_per_class: 2}",
      "backbone: {weights: random}",
      "head:",
      "  - block: global_average_pooling",
      "  - {block: dense, units: tune, activation: relu}",
      "  - {block: dropout, rate: tune}",
      "fit: {epochs: 2, batch_size: 16, learn_rate: 0.003}",
      "parameters:",
      "  dense_units: {min: 16, max: 64}",
      "  dropout_rate: {min: 0.0, max: 0.3}",
      "resampling: {folds: 3}",
      "grid: {type: regular, levels: {dense_units: 3, dropout_rate: 2}}",
      "threads: 2",
      "seed: 11",
      "");

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
    if (!Files.exists(journal)) {
      return List.of();
    }
    String text = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8);
    List<String> complete = new ArrayList<>(List.of(text.split("\n", -1)));
    complete.remove(complete.size() - 1);   // the part after the last newline is not a finished line
    return complete;
  }

  private static List<String> keys(List<String> lines) {
    List<String> keys = new ArrayList<>();
    for (String l : lines) {
      keys.add(Json.requireString(Json.requireObject(Json.parse(l), "$"), "key", "$"));
    }
    return keys;
  }

  private int run(Path log, String... args) throws Exception {
    Process p = start(log, args);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished within 120 s");
    return p.exitValue();
  }

  private static Process start(Path log, String... args) throws IOException {
    String classpath = "target/classes" + File.pathSeparator
        + Files.readString(Path.of("target/test-classpath.txt")).trim();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
