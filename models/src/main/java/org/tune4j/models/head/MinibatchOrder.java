package org.tune4j.models.head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which a fit visits its training rows: every epoch a fresh permutation drawn from
 * the fit's seed and the epoch number alone, cut into minibatches. Because it depends on nothing
 * else, every candidate fitted with the same seed sees the same minibatches, a fit of 5 epochs
 * sees the first 5 epochs of a fit of 10, and the plain DL4J path can be fed the very same
 * batches. Stateless and thread-safe.
 */
public final class MinibatchOrder {
  private MinibatchOrder() {}

  /** A permutation of {@code 0..n-1} for {@code epoch} (1-based) of a fit seeded {@code seed}. */
  public static int[] permutation(int n, long seed, int epoch) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * epoch));
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The minibatches of {@code epoch}: the permuted rows {@code 0..n-1} in slices of {@code batchSize}. */
  public static List<int[]> batches(int n, int batchSize, long seed, int epoch) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size = " + batchSize + " must be at least 1");
    }
    int[] p = permutation(n, seed, epoch);
    List<int[]> out = new ArrayList<>();
    for (int from = 0; from < n; from += batchSize) {
      out.add(Arrays.copyOfRange(p, from, Math.min(n, from + batchSize)));
    }
    return out;
  }
}
