package org.tune4j.tuning.grid;

import org.apache.commons.math3.random.RandomGenerator;

/** Designs on the unit cube {@code [0,1)^p}: rows are candidates, columns parameters. */
final class UnitDesigns {

  private UnitDesigns() {}

  /** Independent uniform points. */
  static double[][] uniform(int n, int p, RandomGenerator rng) {
    double[][] design = new double[n][p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        design[i][j] = rng.nextDouble();
      }
    }
    return design;
  }

  /**
   * A random Latin hypercube: column {@code j} holds {@code (perm_j(i) + u) / n} with a random
   * permutation {@code perm_j} and a uniform {@code u}, so each of the {@code n} strata
   * {@code [k/n, (k+1)/n)} is hit exactly once per column.
   */
  static double[][] latinHypercube(int n, int p, RandomGenerator rng) {
    double[][] design = new double[n][p];
    int[] perm = new int[n];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = rng.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[k];
        perm[k] = tmp;
      }
      for (int i = 0; i < n; i++) {
        design[i][j] = Math.min((perm[i] + rng.nextDouble()) / n, Math.nextDown(1.0));
      }
    }
    return design;
  }

  /** Of {@code candidates} Latin hypercubes, the one with the largest minimum distance. */
  static double[][] maxMinLatinHypercube(int n, int p, int candidates, RandomGenerator rng) {
    double[][] best = latinHypercube(n, p, rng);
    double bestDistance = minSquaredDistance(best);
    for (int c = 1; c < candidates; c++) {
      double[][] design = latinHypercube(n, p, rng);
      double d = minSquaredDistance(design);
      if (d > bestDistance) {
        best = design;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The smallest squared Euclidean distance between two rows (infinity for one row). */
  static double minSquaredDistance(double[][] design) {
    double min = Double.POSITIVE_INFINITY;
    for (int a = 0; a < design.length; a++) {
      for (int b = a + 1; b < design.length; b++) {
        double sum = 0;
        for (int j = 0; j < design[a].length; j++) {
          double diff = design[a][j] - design[b][j];
          sum += diff * diff;
        }
        min = Math.min(min, sum);
      }
    }
    return min;
  }
}
