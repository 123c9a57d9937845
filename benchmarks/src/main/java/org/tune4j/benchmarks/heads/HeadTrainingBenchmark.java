package org.tune4j.benchmarks.heads;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.fast.Candidate;
import org.tune4j.models.head.fast.FastHeadTrainer;

/**
 * Head iterations per second for the head (2048 → 64 ReLU → dropout 0.5 → 10 softmax, Adam, batch 32,
 * 1600 training rows + 400 validation rows, 5 epochs = 250 steps a head, per-epoch metrics included): the fast
 * trainer with {@code heads} candidates at once (learning rates differ, so nothing is shared but the minibatches),
 * against one DL4J {@code HeadTrainer.fit} as the baseline. Iterations per second = heads × 250 / (seconds per op).
 * The peer is {@code benchmarks/peers/torch_heads.py}.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main HeadTrainingBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class HeadTrainingBenchmark {
  static final int ROWS = 2000;
  static final int DIMS = 2048;
  static final int CLASSES = 10;
  /** Steps per head: 5 epochs of ceil(1600 / 32). */
  public static final int STEPS_PER_HEAD = 250;

  @Param({"1", "27", "135"})
  public int heads;

  private INDArray features;
  private int[] labels;
  private List<String> levels;
  private List<Candidate> candidates;

  @Setup
  public void setUp() {
    NativeBackend.initialize(); // before ND4J loads: the build, and OpenMP's short spin count
    SplittableRandom r = new SplittableRandom(1);
    float[] x = new float[ROWS * DIMS];
    labels = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = r.nextInt(CLASSES);
      for (int j = 0; j < DIMS; j++) {
        x[i * DIMS + j] = (float) (r.nextDouble() * (j % CLASSES == labels[i] ? 1.5 : 1.0));
      }
    }
    features = Nd4j.create(x, new long[] {ROWS, DIMS}, 'c').castTo(DataType.FLOAT);
    levels = new ArrayList<>();
    for (int k = 0; k < CLASSES; k++) {
      levels.add("c" + k);
    }
    candidates = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      candidates.add(Candidate.of(head(), fit(1e-4 * (1 + h))));
    }
  }

  static HeadSpec head() {
    return HeadSpec.flatten().dense(64, "relu").dropout(0.5);
  }

  static FitSpec fit(double learnRate) {
    return FitSpec.defaults().epochs(5).batchSize(32).validationSplit(0.2).learnRate(learnRate).seed(3);
  }

  /** The fast trainer, {@code heads} heads in one loop. */
  @Benchmark
  public void fastTogether(Blackhole bh) {
    bh.consume(FastHeadTrainer.trainTogether(features, labels, levels, candidates, (c, m, soFar) -> { }));
  }

  /** Baseline: one DL4J fit of one head (scale by {@code heads} for one after another). */
  @Benchmark
  public void dl4jOneHead(Blackhole bh) {
    if (heads == 1) {
      bh.consume(HeadTrainer.fit(features, labels, levels, head(), fit(1e-3), m -> { }));
    }
  }
}
