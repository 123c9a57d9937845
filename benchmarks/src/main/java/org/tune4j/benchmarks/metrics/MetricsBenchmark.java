package org.tune4j.benchmarks.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.ClassificationMetrics;
import org.tune4j.tuning.metrics.Metric;
import org.tune4j.tuning.metrics.MetricSet;

/**
 * Tune's default classification metrics (roc_auc by Hand–Till, accuracy, brier_class) over
 * 1,000,000 predictions of 10 classes, against accuracy alone as the baseline (one pass over
 * the classes). Target: the full set well under a second.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main MetricsBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class MetricsBenchmark {

  private static final int ROWS = 1_000_000;
  private static final int CLASSES = 10;
  private static final long SEED = 20261128L;

  private ClassPredictions predictions;
  private final MetricSet defaults = MetricSet.defaultClassification();
  private final Metric accuracy = ClassificationMetrics.accuracy();
  private final Metric rocAuc = ClassificationMetrics.rocAuc();

  /** Softmax-like probabilities leaning toward the true class, from a fixed seed. */
  @Setup
  public void generate() {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] truth = new int[ROWS];
    double[][] probs = new double[ROWS][CLASSES];
    for (int i = 0; i < ROWS; i++) {
      truth[i] = random.nextInt(CLASSES);
      double sum = 0;
      for (int k = 0; k < CLASSES; k++) {
        double logit = random.nextGaussian() + (k == truth[i] ? 1.5 : 0);
        probs[i][k] = Math.exp(logit);
        sum += probs[i][k];
      }
      for (int k = 0; k < CLASSES; k++) {
        probs[i][k] /= sum;
      }
    }
    List<String> levels = new ArrayList<>();
    for (int k = 0; k < CLASSES; k++) {
      levels.add("class" + k);
    }
    predictions = ClassPredictions.fromProbabilities(levels, truth, probs);
  }

  /** Baseline: accuracy alone. */
  @Benchmark
  public void accuracyOnly(Blackhole bh) {
    bh.consume(accuracy.estimate(predictions));
  }

  /** Hand–Till roc_auc alone: ten column sorts. */
  @Benchmark
  public void rocAucHandTill(Blackhole bh) {
    bh.consume(rocAuc.estimate(predictions));
  }

  /** tune's default set: roc_auc, accuracy, brier_class. */
  @Benchmark
  public void defaultMetricSet(Blackhole bh) {
    bh.consume(defaults.evaluate(predictions));
  }
}
