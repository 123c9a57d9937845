package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The part of a {@link RaceTable} that an interim analysis compares, as finetune's
 * {@code refactor_by_mean}: the configs whose count of finite estimates equals the largest
 * count, and the resamples on which at least one of them has a finite estimate. Non-finite
 * estimates count as missing. Immutable after construction.
 */
final class Finalists {

  private final RaceTable table;
  private final int[] configs;
  private final int[] resamples;
  private final int maxCount;
  private final List<String> notCompared;
  private final List<String> notes;

  private Finalists(RaceTable table, int[] configs, int[] resamples, int maxCount,
      List<String> notCompared, List<String> notes) {
    this.table = table;
    this.configs = configs;
    this.resamples = resamples;
    this.maxCount = maxCount;
    this.notCompared = notCompared;
    this.notes = notes;
  }

  static Finalists of(RaceTable table) {
    int k = table.configIds().size();
    int b = table.resampleIds().size();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < b; j++) {
        double v = table.estimate(i, j);
        if (Double.isInfinite(v)) {
          notes.add("the estimate of " + table.configIds().get(i) + " on "
              + table.resampleIds().get(j) + " is " + v + "; it is treated as missing");
        }
      }
    }
    int max = IntStream.range(0, k).map(table::count).max().orElse(0);
    int[] configs = IntStream.range(0, k).filter(i -> table.count(i) == max).toArray();
    List<String> notCompared = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (table.count(i) != max) {
        notCompared.add(table.configIds().get(i));
      }
    }
    int[] resamples = IntStream.range(0, b)
        .filter(j -> Arrays.stream(configs).anyMatch(i -> Double.isFinite(table.estimate(i, j))))
        .toArray();
    return new Finalists(table, configs, resamples, max, List.copyOf(notCompared),
        List.copyOf(notes));
  }

  /** The number of compared configs. */
  int size() {
    return configs.length;
  }

  /** The number of resamples with data. */
  int resampleCount() {
    return resamples.length;
  }

  /** The count every compared config has. */
  int maxCount() {
    return maxCount;
  }

  /** Compared config {@code i}'s estimate on resample {@code j} (both local), NaN if missing. */
  double y(int i, int j) {
    double v = table.estimate(configs[i], resamples[j]);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** Whether every compared config has an estimate on every resample with data. */
  boolean balanced() {
    return maxCount == resamples.length;
  }

  String configId(int i) {
    return table.configIds().get(configs[i]);
  }

  String resampleId(int j) {
    return table.resampleIds().get(resamples[j]);
  }

  double mean(int i) {
    return table.mean(configs[i]);
  }

  boolean biggerIsBetter() {
    return table.direction().biggerIsBetter();
  }

  /**
   * Local indices of the compared configs ordered best mean first; ties (and NaN means) keep
   * candidate order, as R's stable {@code order}.
   */
  Integer[] byMean() {
    Integer[] order = new Integer[configs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    boolean bigger = biggerIsBetter();
    Arrays.sort(order, (a, c) -> {
      double ma = mean(a);
      double mc = mean(c);
      if (Double.isNaN(ma) || Double.isNaN(mc)) {
        return Boolean.compare(Double.isNaN(ma), Double.isNaN(mc));
      }
      if (ma == mc) {
        return 0;
      }
      return (ma > mc) == bigger ? -1 : 1;
    });
    return order;
  }

  /** A comparison row for compared config {@code i} without a test. */
  RaceComparison untested(int i, boolean pass) {
    return RaceComparison.untested(configId(i), maxCount, mean(i), pass);
  }

  List<String> notCompared() {
    return notCompared;
  }

  /** Notes about the table itself (infinite estimates). */
  List<String> notes() {
    return notes;
  }
}
