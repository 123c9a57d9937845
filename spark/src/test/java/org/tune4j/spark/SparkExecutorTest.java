package org.tune4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.TaskOutcome;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.bayes.BayesOptions;
import org.tune4j.tuning.search.race.RacingOptions;

/** tune4j on Spark {@code local[2]}: featurize, tune and last fit equal the local run bit for bit. */
class SparkExecutorTest {
  private static SparkExecutor spark;

  @BeforeAll
  static void start() {
    spark = SparkExecutor.connect("local[2]", "tune4j-test");
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  private static Control.Builder control() {
    return Control.builder().threads(2).seed(7).savePred(true);
  }

  @Test
  void featurizeTuneAndLastFitEqualTheLocalRunBitForBit(@TempDir Path dir) throws IOException {
    ModelSpec spec = SparkFixtures.spec();
    Grid grid = SparkFixtures.grid(spec);
    java.util.concurrent.atomic.AtomicInteger hashedLocally = new java.util.concurrent.atomic.AtomicInteger();
    ImageSplit local = SparkFixtures.split(FeatureCache.at(dir.resolve("local")), false,
        src -> SparkFixtures.counting(src, hashedLocally));
    TuneResults expected = Tune.tuneGrid(spec, local.vfoldCv(3, 42), grid, control().build());
    LastFit expectedFit = Tune.lastFit(spec.finalize(expected.selectBest("accuracy").values()), local,
        control().build());

    java.util.concurrent.atomic.AtomicInteger hashedOnDriver = new java.util.concurrent.atomic.AtomicInteger();
    ImageSplit onSpark = SparkFixtures.split(FeatureCache.at(dir.resolve("shared")), true,
        src -> SparkFixtures.counting(src, hashedOnDriver));
    TuneResults actual = Tune.tuneGrid(spec, onSpark.vfoldCv(3, 42), grid, control().executor(spark).build());
    LastFit actualFit = Tune.lastFit(spec.finalize(actual.selectBest("accuracy").values()), onSpark,
        control().executor(spark).build());

    assertEquals(expected.metricRows(), actual.metricRows(), "every metric of every candidate and fold");
    assertEquals(expected.noteRows(), actual.noteRows());
    assertEquals(expected.predictionRows(), actual.predictionRows(), "held-out probabilities, to the last bit");
    assertPredictionsEqual(expectedFit.predictions(), actualFit.predictions());
    assertTrue(shards(dir.resolve("shared")) >= 2, "the executors wrote shards to the shared store");
    assertTrue(onSpark.featurizeLog().get(0).startsWith("featurized 0 of"), "the driver featurized nothing: "
        + onSpark.featurizeLog());
    assertTrue(hashedLocally.get() >= 150, "the local run hashed its images: " + hashedLocally);
    assertEquals(0, hashedOnDriver.get(), "the driver hashed no image: the executors' content keys came back");
  }

  @Test
  void racesAndBayesianSearchesDecideOnTheDriverAndGiveTheLocalResults(@TempDir Path dir) {
    ModelSpec spec = SparkFixtures.spec();
    Grid grid = SparkFixtures.grid(spec);
    ImageSplit local = SparkFixtures.split(dir.resolve("local"), false);
    ImageSplit onSpark = SparkFixtures.split(dir.resolve("shared"), true);
    RacingOptions race = RacingOptions.defaults();
    assertEquals(Tune.tuneRaceAnova(spec, local.vfoldCv(5, 42), grid, race, control().build()).metricRows(),
        Tune.tuneRaceAnova(spec, onSpark.vfoldCv(5, 42), grid, race, control().executor(spark).build()).metricRows());
    BayesOptions bayes = BayesOptions.defaults().initial(3).iter(2);
    assertEquals(Tune.tuneBayes(spec, local.vfoldCv(3, 42), bayes, control().build()).metricRows(),
        Tune.tuneBayes(spec, onSpark.vfoldCv(3, 42), bayes, control().executor(spark).build()).metricRows());
  }

  @Test
  void aKilledDriverResumesFromItsJournalWithTheSameResults(@TempDir Path dir) {
    ModelSpec spec = SparkFixtures.spec();
    Grid grid = SparkFixtures.grid(spec);
    ImageSplit split = SparkFixtures.split(dir, true);
    TuneResults whole = Tune.tuneGrid(spec, split.vfoldCv(3, 42), grid, control().executor(spark).build());

    List<TaskOutcome> journal = new ArrayList<>();
    RuntimeException killed = assertThrows(RuntimeException.class, () -> Tune.tuneGrid(spec, split.vfoldCv(3, 42),
        grid, control().executor(spark).onTaskDone(o -> {
          if (journal.size() == 5) {
            throw new IllegalStateException("driver killed");
          }
          journal.add(o);
        }).build()));
    assertEquals("driver killed", rootMessage(killed));
    assertEquals(5, journal.size());

    List<String> rerun = new ArrayList<>();
    TuneResults resumed = Tune.tuneGrid(spec, split.vfoldCv(3, 42), grid, control().executor(spark)
        .completed(journal).onTaskDone(o -> rerun.add(o.key())).build());
    assertEquals(whole.metricRows(), resumed.metricRows());
    assertEquals(whole.predictionRows(), resumed.predictionRows());
    assertEquals(4 * 3 - 5, rerun.size(), "4 groups (epochs 2 and 3 share a fit) on 3 folds; only those the journal lacks run again");
  }

  @Test
  void dataWithoutARecipeOrSharedStoreIsRefusedWithTheFix(@TempDir Path dir) {
    ModelSpec spec = SparkFixtures.spec();
    ImageSplit noRecipe = SparkFixtures.split(dir, false);
    String message = assertThrows(IllegalArgumentException.class, () -> Tune.tuneGrid(spec, noRecipe.vfoldCv(3, 42),
        SparkFixtures.grid(spec), control().executor(spark).build())).getMessage();
    assertEquals("this run cannot go to Spark: the images have no recipe to open them on another machine; give the"
        + " data or split withRecipe(() -> <open the same source>)", message);
  }

  @Test
  void rangesStartAtBlocksAndCoverEveryRow() {
    List<int[]> r = SparkExecutor.ranges(100, 16, 4);
    assertEquals(4, r.size());
    assertArrayEquals(new int[] {0, 32}, r.get(0));
    assertArrayEquals(new int[] {96, 100}, r.get(3));
    assertEquals(1, SparkExecutor.ranges(10, 16, 4).size());
    assertEquals(0, SparkExecutor.ranges(0, 16, 4).size());
    String bad = assertThrows(IllegalArgumentException.class, () -> SparkExecutor.ranges(10, 0, 4)).getMessage();
    assertEquals("ranges of 10 rows in blocks of 0, 4 wanted", bad);
  }

  @Test
  void executorsGetThisJvmsOpenMpThreadCountUnlessTheConfSetsOne() {
    org.apache.spark.SparkConf plain = SparkExecutor.matchNativeThreads(new org.apache.spark.SparkConf(false));
    assertEquals(String.valueOf(SparkExecutor.localOpenMpThreads()), plain.get(SparkExecutor.OMP_THREADS_KEY));
    org.apache.spark.SparkConf mine = SparkExecutor.matchNativeThreads(new org.apache.spark.SparkConf(false)
        .set(SparkExecutor.OMP_THREADS_KEY, "7"));
    assertEquals("7", mine.get(SparkExecutor.OMP_THREADS_KEY));
  }

  static void assertPredictionsEqual(ClassPredictions a, ClassPredictions b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.predicted(i), b.predicted(i));
      for (int k = 0; k < a.numLevels(); k++) {
        assertEquals(Double.doubleToLongBits(a.probability(i, k)), Double.doubleToLongBits(b.probability(i, k)),
            "row " + i + " level " + k);
      }
    }
  }

  private static long shards(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".t4js")).count();
    }
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
