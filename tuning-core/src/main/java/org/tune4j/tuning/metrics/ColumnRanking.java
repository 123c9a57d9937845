package org.tune4j.tuning.metrics;

/**
 * One probability column of some predictions sorted in increasing order, with the true class
 * of each sorted row: the single O(n log n) step behind roc_auc (binary, macro, Hand–Till),
 * pr_auc and the curves. Ties are kept together, so every statistic below treats tied scores
 * as one threshold (the trapezoid rule, which equals the Mann–Whitney midrank count).
 *
 * <p>Sorting is an LSD radix sort on the IEEE-754 bits of the (non-negative) scores, which
 * order like the values. Not thread-safe: one instance reuses its buffers for each column.
 */
final class ColumnRanking {

  private static final int RADIX_BITS = 8;
  private static final int BUCKETS = 1 << RADIX_BITS;
  private static final int DIGITS = Long.SIZE / RADIX_BITS;

  private final int numLevels;
  private final int[] truth;
  private final double[] probabilities;
  private final int n;
  private final long[] keys;
  private final int[] labels;
  private final long[] keyBuffer;
  private final int[] labelBuffer;
  private final long[] classCounts;

  ColumnRanking(ClassPredictions predictions) {
    this.numLevels = predictions.numLevels();
    this.truth = predictions.truthView();
    this.probabilities = predictions.probabilityView();
    this.n = truth.length;
    this.keys = new long[n];
    this.labels = new int[n];
    this.keyBuffer = new long[n];
    this.labelBuffer = new int[n];
    this.classCounts = new long[numLevels];
    for (int t : truth) {
      classCounts[t]++;
    }
  }

  /** Number of rows whose truth is level {@code k}. */
  long classCount(int k) {
    return classCounts[k];
  }

  int size() {
    return n;
  }

  /** Sorts the rows by the probability of level {@code column}; replaces the previous order. */
  void rank(int column) {
    for (int row = 0; row < n; row++) {
      // + 0.0 turns -0.0 into 0.0; non-negative doubles order as their bit patterns.
      keys[row] = Double.doubleToRawLongBits(probabilities[row * numLevels + column] + 0.0);
      labels[row] = truth[row];
    }
    radixSort();
  }

  /** The score of the {@code i}-th smallest row of the current column. */
  double score(int i) {
    return Double.longBitsToDouble(keys[i]);
  }

  /** The true class of the {@code i}-th smallest row of the current column. */
  int label(int i) {
    return labels[i];
  }

  /** Index one past the end of the tie group that starts at {@code i}. */
  int groupEnd(int i) {
    long k = keys[i];
    int j = i + 1;
    while (j < n && keys[j] == k) {
      j++;
    }
    return j;
  }

  /**
   * Mann–Whitney counts for the current column with level {@code positive} as the event:
   * {@code wins[j]} = number of (positive row, level-j row) pairs where the positive row scores
   * higher, plus half the tied pairs. {@code wins[j] / (n_pos · n_j)} is A(positive | j) of
   * Hand and Till.
   */
  double[] pairwiseWins(int positive) {
    double[] wins = new double[numLevels];
    long[] below = new long[numLevels];
    long[] group = new long[numLevels];
    int i = 0;
    while (i < n) {
      int end = groupEnd(i);
      if (end == i + 1) {
        int l = labels[i];
        if (l == positive) {
          for (int j = 0; j < numLevels; j++) {
            wins[j] += below[j];
          }
        }
        below[l]++;
      } else {
        for (int r = i; r < end; r++) {
          group[labels[r]]++;
        }
        long gp = group[positive];
        for (int j = 0; j < numLevels; j++) {
          if (gp > 0) {
            wins[j] += gp * (below[j] + 0.5 * group[j]);
          }
          below[j] += group[j];
          group[j] = 0;
        }
      }
      i = end;
    }
    return wins;
  }

  /** One-vs-all AUC of level {@code positive} on the current column (NaN without both). */
  double oneVsAllAuc(int positive) {
    double events = classCounts[positive];
    double controls = n - events;
    if (events == 0 || controls == 0) {
      return Double.NaN;
    }
    double[] wins = pairwiseWins(positive);
    double sum = 0;
    for (int j = 0; j < numLevels; j++) {
      if (j != positive) {
        sum += wins[j];
      }
    }
    return sum / (events * controls);
  }

  /**
   * Area under yardstick's precision–recall curve of level {@code positive} on the current
   * column: the trapezoid rule over the points (recall 0, precision 1), then one point per
   * distinct threshold from the highest score down. NaN when the level has no rows.
   */
  double prAuc(int positive) {
    double events = classCounts[positive];
    if (events == 0) {
      return Double.NaN;
    }
    double area = 0;
    double prevRecall = 0;
    double prevPrecision = 1;
    double tp = 0;
    double fp = 0;
    int end = n;
    while (end > 0) {
      int start = groupStart(end - 1);
      for (int r = start; r < end; r++) {
        if (labels[r] == positive) {
          tp++;
        } else {
          fp++;
        }
      }
      double recall = tp / events;
      double precision = tp / (tp + fp);
      area += (recall - prevRecall) * (precision + prevPrecision) / 2;
      prevRecall = recall;
      prevPrecision = precision;
      end = start;
    }
    return area;
  }

  /** Index of the first row of the tie group that ends at {@code i} (inclusive). */
  int groupStart(int i) {
    long k = keys[i];
    int j = i;
    while (j > 0 && keys[j - 1] == k) {
      j--;
    }
    return j;
  }

  private void radixSort() {
    int[][] counts = new int[DIGITS][BUCKETS];
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      for (int d = 0; d < DIGITS; d++) {
        counts[d][(int) (k >>> (d * RADIX_BITS)) & (BUCKETS - 1)]++;
      }
    }
    long[] srcKeys = keys;
    long[] dstKeys = keyBuffer;
    int[] srcLabels = labels;
    int[] dstLabels = labelBuffer;
    int[] offsets = new int[BUCKETS];
    for (int d = 0; d < DIGITS; d++) {
      int shift = d * RADIX_BITS;
      int[] c = counts[d];
      if (n == 0 || c[(int) (srcKeys[0] >>> shift) & (BUCKETS - 1)] == n) {
        continue; // every key has the same digit here: this pass would not move anything
      }
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        offsets[b] = sum;
        sum += c[b];
      }
      for (int i = 0; i < n; i++) {
        long k = srcKeys[i];
        int pos = offsets[(int) (k >>> shift) & (BUCKETS - 1)]++;
        dstKeys[pos] = k;
        dstLabels[pos] = srcLabels[i];
      }
      long[] tk = srcKeys;
      srcKeys = dstKeys;
      dstKeys = tk;
      int[] tl = srcLabels;
      srcLabels = dstLabels;
      dstLabels = tl;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, 0, keys, 0, n);
      System.arraycopy(srcLabels, 0, labels, 0, n);
    }
  }
}
