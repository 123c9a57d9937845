package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;

/** Small real runs in-process: the run directory's files, and the bad inputs that stop a run before it starts. */
class TuneCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static String job(String extra) {
    return String.join("\n",
        "name: small",
        "data: {type: embedded, train_per_class: 5, test_per_class: 2}",
        "backbone: {weights: random}",
        "head:",
        "  - block: global_average_pooling",
        "  - {block: dense, units: tune, activation: relu}",
        "fit: {epochs: 1, batch_size: 16, learn_rate: tune}",
        "parameters:",
        "  dense_units: {min: 8, max: 16}",
        extra,
        "resampling: {folds: 2}",
        "grid: {type: regular, levels: {dense_units: 2, learn_rate: 1}}",
        "threads: 2",
        "seed: 3",
        "");
  }

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aBayesianSearchStartsFromAnEarlierRunsResultsWithoutRefittingThem() throws IOException {
    Path gridRun = dir.resolve("grid-run");
    assertEquals(Main.OK, run("tune", write("grid.yaml", job("  learn_rate: {min: -2, max: -1}")).toString(),
        "--run-dir", gridRun.toString()), err.toString());
    String bayes = job("  learn_rate: {min: -2, max: -1}").replace(
        "grid: {type: regular, levels: {dense_units: 2, learn_rate: 1}}\n",
        "search: {type: bayes, initial: grid-run, iter: 2, no_improve: 5}\n");
    Path run = dir.resolve("bayes-run");
    assertEquals(Main.OK, run("tune", write("bayes.yaml", bayes).toString(), "--run-dir", run.toString()),
        err.toString());
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.contains("Bayesian search: 2 initial candidates from " + gridRun.toAbsolutePath()), stdout);
    String results = Files.readString(run.resolve("metrics.csv"));
    assertTrue(results.contains("Model1") && results.contains("Model2") && results.contains("Iter1"), results);
    List<String> tasks = Files.readAllLines(run.resolve("journal.jsonl")).stream()
        .filter(l -> !l.contains("\"round\"")).toList();
    assertTrue(tasks.stream().noneMatch(l -> l.contains("Model")), "the grid's candidates are not refitted: " + tasks);
    assertTrue(tasks.size() >= 2 && tasks.size() % 2 == 0, "each proposal on the 2 folds: " + tasks);

    assertEquals(Main.BAD_INPUT, run("tune", write("both.yaml", job("  learn_rate: {min: -2, max: -1}")
        + "search: {type: bayes, initial: grid-run}\n").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("$.grid and $.search.initial both give the first"
        + " candidates"), err.toString());
    assertEquals(Main.BAD_INPUT, run("tune", write("nowhere.yaml", bayes.replace("initial: grid-run",
        "initial: no-such-run")).toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("$.search.initial is " + dir.toAbsolutePath()
        .resolve("no-such-run") + ", which holds no results.json"), err.toString());
    assertEquals(Main.BAD_INPUT, run("tune", write("metrics.yaml", bayes + "metrics: [accuracy]\n").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("computed the metrics"), err.toString());
    assertEquals(Main.BAD_INPUT, run("tune", write("folds.yaml", bayes.replace("resampling: {folds: 2}",
        "resampling: {folds: 3}")).toString(), "--run-dir", dir.resolve("refused-run").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("other resamples"), err.toString());
  }

  @Test
  void aRunComparesBackbonesWhenTheBackboneIsTuned() throws IOException {
    Path jobFile = write("job.yaml", job("  learn_rate: {min: -2, max: -1}\n  base_model: {values: [resnet50, resnet101]}")
        .replace("backbone: {weights: random}", "backbone: {name: tune, weights: random, preprocessing: keras}")
        .replace("levels: {dense_units: 2,", "levels: {base_model: 2, dense_units: 2,"));
    Path run = dir.resolve("run");
    assertEquals(Main.OK, run("tune", jobFile.toString(), "--run-dir", run.toString()), err.toString());
    assertEquals(8, Files.readAllLines(run.resolve("journal.jsonl")).size(), "2 backbones × 2 heads × 2 folds");
    assertTrue(Files.readString(run.resolve("run.log")).contains("images prepared with Keras' caffe preprocessing"),
        "both v1 backbones take Keras' caffe mode");
    List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
    assertTrue(metrics.get(0).startsWith("config,base_model,dense_units,learn_rate,"), metrics.get(0));
    assertTrue(metrics.stream().anyMatch(l -> l.contains(",resnet101,")), "the ResNet101 candidates are scored");
    try (var shards = Files.walk(dir.resolve("feature-cache"))) {
      assertEquals(2, shards.filter(p -> p.getFileName().toString().startsWith("shards-")).count(),
          "one feature store per backbone");
    }
  }

  @Test
  void aRunFillsItsDirectoryAndCanBeReportedAgain() throws IOException {
    Path jobFile = write("job.yaml", job("  learn_rate: {min: -2, max: -1}"));
    Path run = dir.resolve("run");
    assertEquals(Main.OK, run("tune", jobFile.toString(), "--run-dir", run.toString()), err.toString());
    for (String f : List.of("job.json", "job.yaml", "journal.jsonl", "run.log", "metrics.csv", "notes.csv",
        "results.json", "best.json", "report.html")) {
      assertTrue(Files.isRegularFile(run.resolve(f)), f);
    }
    assertFalse(Files.exists(run.resolve("predictions.csv")), "predictions were not asked for");
    assertEquals(4, Files.readAllLines(run.resolve("journal.jsonl")).size(), "2 candidates × 2 folds");
    String log = Files.readString(run.resolve("run.log"));
    assertTrue(log.contains("Java 17") || log.contains("Java "), log);
    assertTrue(log.contains("processors") && log.contains("ND4J native build") && log.contains("tuning: 4 tasks in"), log);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.matches("(?s).*Best Model\\d .*; test roc_auc \\d\\.\\d{4}; .*"), stdout);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[4/4] 100.0%"), "plain progress lines off a terminal");
    assertTrue(log.contains("feature cache: " + dir.toAbsolutePath().resolve("feature-cache")), log);
    try (var cached = Files.walk(dir.resolve("feature-cache"))) {
      assertTrue(cached.anyMatch(p -> p.toString().endsWith(".t4js")), "the backbone's features are cached in shards");
    }
    assertTrue(log.contains("featurized ") && log.contains("from the feature cache"), log);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("images/s"), "featurizing progress in images/s");

    Files.delete(run.resolve("report.html"));
    assertEquals(Main.OK, run("report", run.toString()));
    assertTrue(Files.readString(run.resolve("report.html")).contains("<h2>Ranked candidates</h2>"));

    assertEquals(Main.OK, run("resume", run.toString(), "--log-json"), "resuming a finished run redoes nothing");
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("{\"event\": \"message\",\"text\": \"Resuming: 4 finished tasks"), json);
    assertTrue(json.lines().allMatch(l -> l.startsWith("{\"event\": ")), json);
    assertEquals(4, Files.readAllLines(run.resolve("journal.jsonl")).size());
  }

  @Test
  void aRunDirectoryHoldingADifferentJobIsRefusedBeforeAnyWork() throws IOException {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("job.json"), "{\"name\": \"other\"}");
    Path jobFile = write("job.yaml", job(""));
    assertEquals(Main.BAD_INPUT, run("tune", jobFile.toString(), "--run-dir", run.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("run directory " + run
        + " already holds a different job (\"other\"); give another --run-dir"), err.toString());
    assertFalse(Files.exists(run.resolve("journal.jsonl")));
  }

  @Test
  void anUnwritableRunDirectoryIsExitCode4() throws IOException {
    Path file = write("plain-file", "x");
    assertEquals(Main.RUN_DIR_UNWRITABLE, run("tune", write("job.yaml", job("")).toString(), "--run-dir",
        file.resolve("run").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write " + file.resolve("run")), err.toString());
  }

  @Test
  void badJobsAndArgumentsAreExitCode2WithTheirMessage() throws IOException {
    assertEquals(Main.BAD_INPUT, run("tune", dir.resolve("none.yaml").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("job file " + dir.resolve("none.yaml") + " does not exist"));
    assertEquals(Main.BAD_INPUT, run("tune", write("bad.yaml", "grid: [1,\n").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.yaml line 2, column 1: malformed YAML"), err.toString());
    assertEquals(Main.BAD_INPUT, run("tune", write("j.yaml", job("")).toString(), "--treads", "2"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option \"--treads\""), err.toString());
    assertEquals(Main.BAD_INPUT, run("resume", dir.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a run directory (no job.json)"), err.toString());
    assertEquals(Main.BAD_INPUT, run("report", dir.toString()));
  }

  @Test
  void eachKindOfBadInputIsExitCode2WithAMessageNamingTheValue() throws IOException {
    assertEquals(Main.BAD_INPUT, run("tune", write("key.yaml", job("").replace("seed: 3", "sede: 3")).toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("sede"), "the unknown key is named: " + err);
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("internal error"), err.toString());

    assertEquals(Main.BAD_INPUT, run("tune", write("value.yaml", job("").replace("folds: 2", "folds: 1")).toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("folds"), "the bad value is named: " + err);

    String missing = job("").replace("{type: embedded, train_per_class: 5, test_per_class: 2}",
        "{type: image_folder, train: no-such-train, test: no-such-test}");
    assertEquals(Main.BAD_INPUT, run("tune", write("missing.yaml", missing).toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("image folder " + dir.resolve("no-such-train")
        + " does not exist"), err.toString());

    assertEquals(Main.BAD_INPUT, run("tune", write("ok.yaml", job("")).toString(), "--threads", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads \"0\" is not a whole number from 1 to 1024"),
        err.toString());
    assertEquals(Main.BAD_INPUT, run("resume", dir.toString(), "--run-dir", "x"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--run-dir is not an option here"), err.toString());
  }

  @Test
  void dataThatFailsToLoadAfterTheJobWasCheckedIsBadInput() throws IOException {
    Path train = Files.createDirectories(dir.resolve("train"));
    Path test = Files.createDirectories(dir.resolve("test"));
    String folders = job("").replace("{type: embedded, train_per_class: 5, test_per_class: 2}",
        "{type: image_folder, train: " + train + ", test: " + test + "}");
    assertEquals(Main.BAD_INPUT, run("tune", write("empty.yaml", folders).toString(), "--run-dir",
        dir.resolve("run").toString()));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("tune4j tune: ") && text.contains(train.toString()), text);
    assertFalse(text.contains("internal error"), text);
  }

  /** A weights file that exists but is not HDF5 is found out inside the run, and is still the user's input. */
  @Test
  void aDamagedWeightsFileIsBadInputNamingIt() throws IOException {
    Path weights = Files.writeString(dir.resolve("broken.h5"), "not an HDF5 file");
    Path file = write("weights.yaml", job("").replace("backbone: {weights: random}", "backbone: {weights: " + weights
        + "}"));
    assertEquals(Main.BAD_INPUT, run("tune", file.toString(), "--run-dir", dir.resolve("w").toString()));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("weights file " + weights) && !text.contains("internal error"), text);
  }

  /** 1000 levels of two parameters would be a million candidates: refused before the grid is built. */
  @Test
  void aGridTooLargeToHoldIsBadInputBeforeItIsBuilt() throws IOException {
    Path file = write("grid.yaml", job("").replace("levels: {dense_units: 2, learn_rate: 1}",
        "levels: {dense_units: 1000, learn_rate: 1000}"));
    assertEquals(Main.BAD_INPUT, run("tune", file.toString()));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("$.grid.levels makes 1000 × 1000 = 1000000 candidates; give fewer levels, at most 100000"),
        text);
  }

  @Test
  void aDamagedJournalIsBadInput() throws IOException {
    Path jobFile = write("job.yaml", job("  learn_rate: {min: -2, max: -1}"));
    Path run = dir.resolve("run");
    assertEquals(Main.OK, run("tune", jobFile.toString(), "--run-dir", run.toString()), err.toString());
    List<String> lines = Files.readAllLines(run.resolve("journal.jsonl"));
    Files.writeString(run.resolve("journal.jsonl"), "{not json\n" + String.join("\n", lines) + "\n");
    assertEquals(Main.BAD_INPUT, run("resume", run.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 1 is damaged"), err.toString());
    String log = Files.readString(run.resolve("run.log"));
    assertTrue(log.contains(" failed: org.tune4j.tuning.input.BadInputException: journal ") && log.contains("\tat "),
        "what ended the run is in run.log, with its stack trace: " + log);
  }

  @Test
  void initPrintsAnExampleThatTuneAccepts() {
    assertEquals(Main.OK, run("init"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("# tune4j job"));
  }
}
