package org.tune4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** {@code tune4j tune job.yaml --master local[2]}: the run directory holds what a local run writes. */
class SparkTuneCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static final String JOB = String.join("\n",
      "name: small",
      "data: {type: embedded, train_per_class: 6, test_per_class: 2}",
      "backbone: {weights: random}",
      "head:",
      "  - block: global_average_pooling",
      "  - {block: dense, units: tune, activation: relu}",
      "fit: {epochs: 2, batch_size: 16, learn_rate: tune}",
      "parameters:",
      "  dense_units: {min: 8, max: 16}",
      "  learn_rate: {min: -3, max: -2}",
      "resampling: {folds: 3}",
      "grid: {type: regular, levels: {dense_units: 2, learn_rate: 2}}",
      "threads: 2",
      "seed: 3",
      "");

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aJobOnLocal2WritesTheLocalRunsMetricsAndTestScore() throws IOException {
    Path job = Files.writeString(dir.resolve("job.yaml"), JOB);
    Path local = dir.resolve("runs-local/run");
    Path spark = dir.resolve("runs-spark/run");
    assertEquals(Main.OK, run("tune", job.toString(), "--run-dir", local.toString(), "--quiet"), err.toString());
    assertEquals(Main.OK, run("tune", job.toString(), "--run-dir", spark.toString(), "--master", "local[2]",
        "--quiet"), err.toString());
    assertEquals(Files.readString(local.resolve("metrics.csv")), Files.readString(spark.resolve("metrics.csv")));
    assertEquals(testLine(local), testLine(spark));
    String log = Files.readString(spark.resolve("run.log"));
    assertTrue(log.contains("executor: spark local[2]"), log);
    assertTrue(!log.contains("featurized "), "the driver's store featurized nothing while tuning: " + log);
    assertTrue(Files.list(spark.getParent().resolve("feature-cache")).findAny().isPresent(),
        "the executors filled the feature cache beside the run directory");
  }

  @Test
  void aFeatureStoreAtAUriServesTheRunAndALaterOne() throws IOException {
    Path job = Files.writeString(dir.resolve("job.yaml"), JOB);
    String uri = dir.resolve("remote").toUri().toString();
    Path first = dir.resolve("runs/first");
    assertEquals(Main.OK, run("tune", job.toString(), "--run-dir", first.toString(), "--master", "local[2]",
        "--feature-store", uri, "--quiet"), err.toString());
    assertTrue(Files.readString(first.resolve("run.log")).contains("feature store: " + uri.replaceAll("/$", "")),
        Files.readString(first.resolve("run.log")));
    assertTrue(Files.walk(dir.resolve("remote")).anyMatch(p -> p.toString().endsWith(".t4js")), "shards at the URI");
    Path second = dir.resolve("runs/second");
    assertEquals(Main.OK, run("tune", job.toString(), "--run-dir", second.toString(), "--feature-store", uri,
        "--quiet"), err.toString());
    assertEquals(Files.readString(first.resolve("metrics.csv")), Files.readString(second.resolve("metrics.csv")),
        "a local run on the same store gives the same metrics");
    assertTrue(Files.readString(second.resolve("run.log")).contains("featurized 0 of 80 images"),
        "the local run read every feature from the store: " + Files.readString(second.resolve("run.log")));
  }

  @Test
  void aMasterNoExecutorAcceptsIsRefusedWithTheChoices() throws IOException {
    Path job = Files.writeString(dir.resolve("job.yaml"), JOB);
    assertEquals(Main.BAD_INPUT, run("tune", job.toString(), "--run-dir", dir.resolve("r").toString(), "--master",
        "mesos://host:5050"));
    assertTrue(err.toString().contains("master \"mesos://host:5050\": none of the executors on the class path"
        + " (Apache Spark) accepts it"), err.toString());
  }

  private static String testLine(Path run) throws IOException {
    return Files.readAllLines(run.resolve("run.log")).stream().filter(l -> l.contains("last fit of"))
        .map(l -> l.substring(l.indexOf("last fit of"), l.lastIndexOf(" ("))).findFirst().orElseThrow();
  }
}
