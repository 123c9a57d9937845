package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;
import org.tune4j.tuning.results.TuneResults;

/**
 * A race job and a Bayesian job, each killed with SIGKILL after its second round was journaled, resume with the
 * same rounds (replayed from the journal, not decided again) and end with the uninterrupted run's results; the
 * report shows the race.
 */
class SearchResumeTest {
  @TempDir Path dir;

  static final String JOB = String.join("\n",
      "name: race",
      "data: {type: embedded, train_per_class: 24, test_per_class: 2}",
      "backbone: {weights: random}",
      "head:",
      "  - block: global_average_pooling",
      "  - {block: dense, units: 32, activation: relu}",
      "fit: {epochs: 2, batch_size: 16, learn_rate: tune}",
      "parameters:",
      "  learn_rate: {min: -5, max: -1}",
      "resampling: {folds: 6}",
      "grid: {type: regular, levels: 5}",
      "search: {type: race_anova, burn_in: 3}",
      "threads: 2",
      "seed: 5",
      "");

  static final String BAYES = JOB.replace("search: {type: race_anova, burn_in: 3}",
      "search: {type: bayes, initial: 3, iter: 3}").replace("grid: {type: regular, levels: 5}\n", "")
      .replace("resampling: {folds: 6}", "resampling: {folds: 3}");

  @Test
  void aKilledRaceResumesWithTheSameDecisionsAndResults() throws Exception {
    String console = killResumeAndCompare(JOB);
    assertTrue(console.contains("Racing will maximize the roc_auc metric."), console);
    assertTrue(console.matches("(?s).*Fold\\d: \\d+ eliminated; \\d+ candidates remain\\..*")
        || console.contains("All but one parameter combination were eliminated."), console);
    String report = Files.readString(dir.resolve("clean").resolve("report.html"));
    assertTrue(report.contains("<h2>The race</h2>"), "the report shows the race");
  }

  @Test
  void aKilledBayesianSearchResumesWithTheSameProposalsAndResults() throws Exception {
    String console = killResumeAndCompare(BAYES);
    assertTrue(console.contains("Optimizing roc_auc using the expected improvement"), console);
    assertTrue(console.contains("Iteration 1: Iter1 ("), console);
    String metrics = Files.readString(dir.resolve("clean").resolve("metrics.csv"));
    assertTrue(metrics.contains("Iter1"), "proposals are scored like any candidate");
    String report = Files.readString(dir.resolve("clean").resolve("report.html"));
    assertTrue(report.contains("<h2>Bayesian iterations</h2>"), "the report shows the iterations");
  }

  /** Runs {@code jobText}, kills it after round 2, resumes, compares with a clean run; returns the clean console. */
  private String killResumeAndCompare(String jobText) throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), jobText);
    Path crashed = dir.resolve("crashed");
    Path journal = crashed.resolve(Journal.FILE);
    Process first = start(dir.resolve("first.log"), "tune", job.toString(), "--run-dir", crashed.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (rounds(lines(journal)).size() < 2) {
      assertTrue(first.isAlive(), "the race ended before it could be killed: "
          + Files.readString(dir.resolve("first.log")));
      assertTrue(System.nanoTime() < deadline, "no second round within 120 s");
      Thread.sleep(10);
    }
    first.destroyForcibly();
    first.waitFor(30, TimeUnit.SECONDS);
    assertFalse(Files.exists(crashed.resolve("results.json")), "the run did not finish");
    List<String> roundsBefore = rounds(lines(journal));

    assertEquals(Main.OK, run(dir.resolve("resume.log"), "resume", crashed.toString()));
    List<String> after = lines(journal);
    assertEquals(roundsBefore, rounds(after).subList(0, roundsBefore.size()), "journaled rounds are kept as they were");
    List<String> keys = keys(after);
    assertEquals(keys.size(), new HashSet<>(keys).size(), "no task ran twice: " + keys);

    Path clean = dir.resolve("clean");
    assertEquals(Main.OK, run(dir.resolve("clean.log"), "tune", job.toString(), "--run-dir", clean.toString()));
    assertEquals(rounds(lines(clean.resolve(Journal.FILE))), rounds(after), "the same decisions, round by round");
    assertEquals(TuneResults.read(clean), TuneResults.read(crashed));
    assertEquals(Files.readString(clean.resolve("metrics.csv")), Files.readString(crashed.resolve("metrics.csv")));
    assertEquals(Files.readString(clean.resolve("best.json")), Files.readString(crashed.resolve("best.json")));
    return Files.readString(dir.resolve("clean.log"));
  }

  private static List<String> lines(Path journal) throws IOException {
    return JournalLines.complete(journal);
  }

  private static List<String> rounds(List<String> lines) {
    return JournalLines.rounds(lines);
  }

  private static List<String> keys(List<String> lines) {
    return JournalLines.taskKeys(lines);
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
        "-Xmx2g", "-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
