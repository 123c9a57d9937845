package org.tune4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.spark.cluster.StandaloneCluster;
import org.tune4j.spark.store.HadoopStoreMirror;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.results.TuneResults;

/**
 * A real standalone cluster on this machine, a master and two one-core workers started from spark-core's classes on
 * 127.0.0.1, gives the local run's results to the last bit, its feature store at a Hadoop URI ({@code file:} through
 * Hadoop's file system) with a local copy on the driver and another on the executors, as on separate machines.
 */
class StandaloneClusterTest {

  /** The module's test class path as the build wrote it, with its own classes: what the cluster's JVMs run with. */
  static String classPath() throws IOException {
    Path target = Path.of("target");
    return target.resolve("test-classes").toAbsolutePath() + ":" + target.resolve("classes").toAbsolutePath() + ":"
        + Files.readString(target.resolve("test-classpath.txt")).trim();
  }

  private static long shards(Path root) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".t4js")).count();
    }
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

    String uri = dir.resolve("remote").toUri().toString();
    Path executorCopy = dir.resolve("executor-copy");
    Path driverCopy = dir.resolve("driver-copy");
    java.util.Map<String, String> settings = java.util.Map.of("spark.executor.extraJavaOptions", String.join(" ",
        jvmOptions()) + " -D" + HadoopStoreMirror.LOCAL_PROPERTY + "=" + executorCopy);
    System.setProperty(HadoopStoreMirror.LOCAL_PROPERTY, driverCopy.toString());
    try (StandaloneCluster cluster = StandaloneCluster.start(2, classPath(), jvmOptions(), dir.resolve("cluster"));
         JavaSparkContext sc = cluster.context("tune4j-cluster-test", "2g", settings)) {
      assertEquals(3, sc.sc().getExecutorMemoryStatus().size(), "the driver and two executors");
      ImageSplit shared = SparkFixtures.split(FeatureCache.mirrored(HadoopStoreMirror.of(uri)), true);
      Control onCluster = Control.builder().threads(2).seed(7).savePred(true).executor(SparkExecutor.of(sc)).build();
      TuneResults actual = Tune.tuneGrid(spec, shared.vfoldCv(3, 42), grid, onCluster);
      LastFit actualFit = Tune.lastFit(spec.finalize(actual.selectBest("accuracy").values()), shared, onCluster);
      assertEquals(expected.metricRows(), actual.metricRows());
      assertEquals(expected.predictionRows(), actual.predictionRows());
      SparkExecutorTest.assertPredictionsEqual(expectedFit.predictions(), actualFit.predictions());
      long sent = shards(dir.resolve("remote"));
      assertTrue(sent >= 2, "the executors sent their shards to the URI");
      assertEquals(sent, shards(executorCopy), "the executors fetched each other's shards before fitting");
      assertEquals(sent, shards(driverCopy), "the driver fetched them for the last fit");
    } finally {
      System.clearProperty(HadoopStoreMirror.LOCAL_PROPERTY);
    }
  }
}
