package org.tune4j.tuning.search.race;

import java.util.Arrays;

/**
 * The connected components of the bipartite graph of configs and resamples joined by an
 * estimate: the design {@code [config | resample]} has rank {@code k + b − components}.
 * Stateless.
 */
final class ResampleGraph {

  private ResampleGraph() {}

  /** Components among the k configs and b resamples of {@code y[config][resample]}. */
  static int components(double[][] y) {
    int k = y.length;
    int b = y[0].length;
    int[] parent = new int[k + b];
    Arrays.setAll(parent, i -> i);
    int count = k + b;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < b; j++) {
        if (!Double.isNaN(y[i][j])) {
          int a = root(parent, i);
          int c = root(parent, k + j);
          if (a != c) {
            parent[a] = c;
            count--;
          }
        }
      }
    }
    return count;
  }

  private static int root(int[] parent, int i) {
    int r = i;
    while (parent[r] != r) {
      r = parent[r];
    }
    return r;
  }
}
