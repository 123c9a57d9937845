package org.tune4j.benchmarks.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.tune4j.benchmarks.endtoend.VignetteTuningRun;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.spark.SparkExecutor;
import org.tune4j.spark.cluster.StandaloneCluster;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.execution.TaskExecutor;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.results.TuneResults;

/**
 * Two measurements of tune4j on Spark, each a ratio of two figures of the same run.
 *
 * <ul>
 *   <li>{@code featurize N SIZE}: featurizing N Fashion-MNIST images zero-padded to SIZE×SIZE (random ResNet50) on a
 *       standalone cluster on 127.0.0.1 with one one-core worker, then with two (target: ≥ 1.7×). Each executor
 *       computes on one core ({@code OMP_NUM_THREADS=1}; otherwise one executor's native threads already take both
 *       cores). Each on an empty feature store, after a warm-up; the cluster's start-up is not timed.
 *   <li>{@code vignette}: the vignette's tuning (2,000 images, 27 candidates × 5 folds, featurizing included, an
 *       empty store each time) plainly local, then on Spark {@code local[2]} (target: ≤ 1.3×).
 * </ul>
 *
 * <p>Run (the class path and options as the launcher builds them):
 * {@code java $(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' spark/pom.xml) -cp
 * benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.tune4j.benchmarks.spark.SparkScalingRun
 * featurize 2000 128}.
 */
public final class SparkScalingRun {
  private SparkScalingRun() {}

  /** Runs the measurement the first argument names. */
  public static void main(String[] args) throws IOException {
    NativeBackend.initialize();
    Path dir = Files.createTempDirectory("tune4j-spark-bench");
    System.out.println("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    if (args.length >= 1 && args[0].equals("featurize")) {
      int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
      int size = args.length > 2 ? Integer.parseInt(args[2]) : 128;
      double one = featurizeOnCluster(1, n, size, dir.resolve("one"));
      double two = featurizeOnCluster(2, n, size, dir.resolve("two"));
      System.out.printf(Locale.ROOT, "featurize %d images at %dx%d: 1 worker %.1f images/s, 2 workers %.1f images/s:"
          + " %.2fx%n", n, size, size, n / one, n / two, one / two);
    } else if (args.length >= 1 && args[0].equals("vignette")) {
      double local = vignette(null, dir.resolve("local"));
      try (SparkExecutor spark = SparkExecutor.connect("local[2]", "tune4j-bench")) {
        double onSpark = vignette(spark, dir.resolve("spark"));
        System.out.printf(Locale.ROOT, "vignette tuning: local %.1f s, Spark local[2] %.1f s: %.2fx%n", local,
            onSpark, onSpark / local);
      }
    } else {
      throw new IllegalArgumentException("usage: SparkScalingRun featurize [N] [SIZE] | vignette; got "
          + Arrays.toString(args));
    }
  }

  /** Seconds to featurize on a fresh cluster of {@code workers} one-core workers (start-up excluded). */
  static double featurizeOnCluster(int workers, int n, int size, Path dir) throws IOException {
    String classPath = Path.of("benchmarks", "target", "classes").toAbsolutePath() + ":"
        + Files.readString(Path.of("benchmarks", "target", "classpath.txt")).trim();
    List<String> options = Arrays.stream(System.getProperty("tune4j.spark.jvmOptions", String.join(" ",
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())).split("\\s+"))
        .filter(o -> o.startsWith("--add-opens") || o.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || o.startsWith("-Djdk.reflect")).toList();
    try (StandaloneCluster cluster = StandaloneCluster.start(workers, classPath, options, dir.resolve("cluster"));
         JavaSparkContext sc = cluster.context("tune4j-featurize-bench", "3g",
             java.util.Map.of("spark.executorEnv.OMP_NUM_THREADS", "1"))) {
      ModelSpec spec = VignetteTuningRun.spec();
      ModelSpec finalSpec = spec.finalize(VignetteTuningRun.grid(spec).candidate(0).values());
      TaskExecutor spark = SparkExecutor.of(sc);
      // warm-up on 40 other images: every executor loads ND4J and its kernels before the timed run
      featurize(spark, new Recipe(40, size), dir.resolve("warm-up"), finalSpec);
      long start = System.nanoTime();
      featurize(spark, new Recipe(n, size), dir.resolve("store"), finalSpec);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static void featurize(TaskExecutor spark, Recipe recipe, Path store, ModelSpec finalSpec) {
    ImageSplit split = ImageSplit.initialSplit(recipe.open(), 0.75, 1).withRecipe(recipe)
        .withFeatureCache(FeatureCache.at(store));
    spark.prepare(split.data().engine(finalSpec), List.of(finalSpec), 2, p -> { });
  }

  /** The first {@code n} training images resized to {@code size}×{@code size} RGB in [0, 1], opened anywhere. */
  record Recipe(int n, int size) implements org.tune4j.models.source.SourceRecipe {
    private static final long serialVersionUID = 1L;

    @Override
    public ImageSource open() {
      ImageSet grey = EmbeddedSample.fashionMnist().train().firstPerClass((n + 9) / 10);
      return ImageSources.of(ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(grey, size, size))));
    }
  }

  /** Seconds of the vignette's tuning and last fit, locally ({@code spark} null) or on {@code spark}. */
  static double vignette(SparkExecutor spark, Path store) {
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSplit split = ImageSplit.of(new TrainTest(VignetteTuningRun.prepare(sample.train()),
        VignetteTuningRun.prepare(sample.test()))).withFeatureCache(FeatureCache.at(store));
    if (spark != null) {
      split = split.withRecipe(new VignetteRecipe());
    }
    ModelSpec spec = VignetteTuningRun.spec();
    Grid grid = VignetteTuningRun.grid(spec);
    Control.Builder control = Control.builder().threads(2).seed(42);
    if (spark != null) {
      control.executor(spark);
    }
    long start = System.nanoTime();
    TuneResults res = Tune.tuneGrid(spec, split.vfoldCv(5, 42), grid, control.build());
    Tune.lastFit(spec.finalize(res.selectBest("accuracy").values()), split, control.build());
    return (System.nanoTime() - start) / 1e9;
  }

  /** The vignette's images, training rows first, opened anywhere. */
  record VignetteRecipe() implements org.tune4j.models.source.SourceRecipe {
    private static final long serialVersionUID = 1L;

    @Override
    public ImageSource open() {
      TrainTest sample = EmbeddedSample.fashionMnist();
      return ImageSources.concat(ImageSources.of(VignetteTuningRun.prepare(sample.train())),
          ImageSources.of(VignetteTuningRun.prepare(sample.test())));
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
