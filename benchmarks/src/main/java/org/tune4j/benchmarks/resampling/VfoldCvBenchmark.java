package org.tune4j.benchmarks.resampling;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;

/**
 * 10-fold stratified cross-validation over a million rows (target: well under a second), against
 * the baseline of unstratified 10-fold CV and of one shuffle of the row indices.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main VfoldCvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VfoldCvBenchmark {
  @Param({"1000000"})
  public int rows;

  private int[] labels;

  /** Ten classes with skewed shares, fixed seed. */
  @Setup
  public void makeLabels() {
    SplittableRandom r = new SplittableRandom(42);
    labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = (int) Math.floor(10 * Math.pow(r.nextDouble(), 1.5));
    }
  }

  /** Baseline: one Fisher–Yates shuffle of the row indices. */
  @Benchmark
  public void shuffleOnly(Blackhole bh) {
    SplittableRandom r = new SplittableRandom(7);
    int[] idx = new int[rows];
    for (int i = 0; i < rows; i++) {
      idx[i] = i;
    }
    for (int i = rows - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    bh.consume(idx);
  }

  /** Unstratified 10-fold CV. */
  @Benchmark
  public Resamples vfold10(Blackhole bh) {
    return Resampling.vfoldCv(rows, 10).seed(7).build();
  }

  /** Stratified, balanced 10-fold CV, including the fingerprint. */
  @Benchmark
  public void vfold10Stratified(Blackhole bh) {
    Resamples folds = Resampling.vfoldCv(Strata.of(labels), 10).seed(7).build();
    bh.consume(folds.fingerprint());
  }
}
