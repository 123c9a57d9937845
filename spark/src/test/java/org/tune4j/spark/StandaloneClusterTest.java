package org.tune4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.spark.cluster.StandaloneCluster;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.results.TuneResults;

/**
 * A real standalone cluster on this machine, a master and two one-core workers started from spark-core's classes on
 * 127.0.0.1, gives the local run's results to the last bit.
 */
class StandaloneClusterTest {

  /** The module's test class path as the build wrote it, with its own classes: what the cluster's JVMs run with. */
  static String classPath() throws IOException {
    Path target = Path.of("target");
    return target.resolve("test-classes").toAbsolutePath() + ":" + target.resolve("classes").toAbsolutePath() + ":"
        + Files.readString(target.resolve("test-classpath.txt")).trim();
  }

  static List<String> jvmOptions() {
    return Arrays.stream(System.getProperty("tune4j.spark.jvmOptions", "").trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void aMasterAndTwoWorkersGiveTheLocalResults(@TempDir Path dir) throws IOException {
    ModelSpec spec = SparkFixtures.spec();
    Grid grid = SparkFixtures.grid(spec);
    Control control = Control.builder().threads(2).seed(7).savePred(true).build();
    ImageSplit local = SparkFixtures.split(dir.resolve("local"), false);
    TuneResults expected = Tune.tuneGrid(spec, local.vfoldCv(3, 42), grid, control);
    LastFit expectedFit = Tune.lastFit(spec.finalize(expected.selectBest("accuracy").values()), local, control);

    try (StandaloneCluster cluster = StandaloneCluster.start(2, classPath(), jvmOptions(), dir.resolve("cluster"));
         JavaSparkContext sc = cluster.context("tune4j-cluster-test", "2g")) {
      assertEquals(3, sc.sc().getExecutorMemoryStatus().size(), "the driver and two executors");
      ImageSplit shared = SparkFixtures.split(dir.resolve("shared"), true);
      Control onCluster = Control.builder().threads(2).seed(7).savePred(true).executor(SparkExecutor.of(sc)).build();
      TuneResults actual = Tune.tuneGrid(spec, shared.vfoldCv(3, 42), grid, onCluster);
      LastFit actualFit = Tune.lastFit(spec.finalize(actual.selectBest("accuracy").values()), shared, onCluster);
      assertEquals(expected.metricRows(), actual.metricRows());
      assertEquals(expected.predictionRows(), actual.predictionRows());
      SparkExecutorTest.assertPredictionsEqual(expectedFit.predictions(), actualFit.predictions());
    }
  }
}
