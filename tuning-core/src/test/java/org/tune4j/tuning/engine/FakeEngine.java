package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * An engine whose "model" predicts the truth with a probability that grows with {@code units}
 * and the epoch, pseudo-randomly from the seed and the row: deterministic, fast, thread-safe.
 * A spec with {@code units = 13} fails.
 */
class FakeEngine implements ModelEngine, ModelData {
  static final List<String> LEVELS = List.of("a", "b", "c");
  static final int FAILING_UNITS = 13;
  final int[] labels;
  final AtomicInteger fits = new AtomicInteger();
  final List<String> threadsCalls = Collections.synchronizedList(new ArrayList<>());

  FakeEngine(int n) {
    labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
    }
  }

  @Override
  public List<String> levels() {
    return LEVELS;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public void configureThreads(int parallelFits, int threadBudget) {
    threadsCalls.add(parallelFits + "/" + threadBudget);
  }

  @Override
  public List<ClassPredictions> fitAndPredict(TunableSpec finalSpec, int[] analysis, int[] assessment,
      int[] checkpoints, long seed, Consumer<String> epochLog) {
    fits.incrementAndGet();
    FakeSpec spec = (FakeSpec) finalSpec;
    int units = ((Number) spec.values().getOrDefault("units", 1)).intValue();
    if (units == FAILING_UNITS) {
      throw new IllegalStateException("units 13 is unlucky");
    }
    int epochs = ((Number) spec.values().getOrDefault("fit_epochs", 1)).intValue();
    int[] at = checkpoints.length == 0 ? new int[] {epochs} : checkpoints;
    List<ClassPredictions> out = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      if (epochLog != null) {
        epochLog.accept("Epoch " + e + "/" + epochs);
      }
      for (int c : at) {
        if (c == e) {
          out.add(predict(assessment, units, e, seed));
        }
      }
    }
    return out;
  }

  ClassPredictions predict(int[] rows, int units, int epoch, long seed) {
    double skill = Math.min(0.95, 0.2 + 0.05 * units + 0.1 * epoch);
    double[][] p = new double[rows.length][3];
    int[] truth = new int[rows.length];
    int[] pred = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      truth[i] = labels[rows[i]];
      SplittableRandom r = new SplittableRandom(seed * 31 + rows[i]);
      int guess = r.nextDouble() < skill ? truth[i] : (truth[i] + 1 + r.nextInt(2)) % 3;
      for (int k = 0; k < 3; k++) {
        p[i][k] = k == guess ? 0.8 : 0.1;
      }
      pred[i] = guess;
    }
    return ClassPredictions.of(LEVELS, truth, pred, p);
  }

  @Override
  public FittedModel fit(TunableSpec finalSpec, int[] rows, long seed) {
    FakeSpec spec = (FakeSpec) finalSpec;
    int units = ((Number) spec.values().getOrDefault("units", 1)).intValue();
    return new FittedModel() {
      @Override
      public ClassPredictions predict(int[] predictRows) {
        return FakeEngine.this.predict(predictRows, units, 1, seed);
      }

      @Override
      public Object unwrap() {
        return spec;
      }
    };
  }

  /** The fake is its own data: every spec is fitted by this engine. */
  @Override
  public ModelEngine engine(TunableSpec spec) {
    return this;
  }
}
