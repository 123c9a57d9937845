package org.tune4j.spark;

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

/**
 * A driver running a job on Spark {@code local[2]} is killed with SIGKILL mid-way; {@code resume --master local[2]}
 * finishes it from its journal, and the results equal a plain local run's, with no finished task run twice.
 */
class SparkCrashResumeTest {
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
  void aKilledDriverResumesOnSparkToTheLocalResults() throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), JOB);
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
    if (!Files.exists(journal)) {
      return List.of();
    }
    String text = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8);
    List<String> complete = new ArrayList<>(List.of(text.split("\n", -1)));
    complete.remove(complete.size() - 1);
    return complete;
  }

  private static List<String> keys(List<String> lines) {
    List<String> keys = new ArrayList<>();
    for (String l : lines) {
      Object tree = Json.parse(l);
      if (Json.requireObject(tree, "$").containsKey("key")) {
        keys.add(Json.requireString(Json.requireObject(tree, "$"), "key", "$"));
      }
    }
    return keys;
  }

  private int run(Path log, String... args) throws Exception {
    Process p = start(log, args);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "finished within 180 s");
    return p.exitValue();
  }

  private static Process start(Path log, String... args) throws IOException {
    String classpath = "target/classes" + File.pathSeparator
        + Files.readString(Path.of("target/test-classpath.txt")).trim();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g"));
    command.addAll(StandaloneClusterTest.jvmOptions());
    command.addAll(List.of("-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
