package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.List;

/**
 * The correlation between two encoded points: the Matérn kernel over the numeric coordinates
 * times, for each qualitative coordinate, the correlation of the two levels (1 for the same
 * level). This is tune's {@code make_kernel()}: {@code k_IgnoreIndsKernel(k_Matern32)} times one
 * {@code k_FactorKernel} per qualitative parameter. Immutable.
 */
final class Correlation {

  private final UnitEncoding encoding;
  private final Kernel kernel;
  private final int[] numeric;
  private final int[] qualitative;
  private final double[] theta;
  private final double[][][] levels;

  Correlation(UnitEncoding encoding, GpHyperparameters hp) {
    this.encoding = encoding;
    this.kernel = hp.kernel();
    List<Integer> num = new ArrayList<>();
    List<Integer> qual = new ArrayList<>();
    for (int j = 0; j < encoding.dimension(); j++) {
      (encoding.isQualitative(j) ? qual : num).add(j);
    }
    if (hp.log10Theta().size() != num.size() || hp.levelCorrelations().size() != qual.size()) {
      throw new IllegalArgumentException("hyperparameters have " + hp.log10Theta().size()
          + " beta values and " + hp.levelCorrelations().size() + " level-correlation lists; "
          + "the parameters need " + num.size() + " and " + qual.size());
    }
    numeric = num.stream().mapToInt(Integer::intValue).toArray();
    qualitative = qual.stream().mapToInt(Integer::intValue).toArray();
    theta = new double[numeric.length];
    for (int a = 0; a < numeric.length; a++) {
      theta[a] = Math.pow(10.0, hp.log10Theta().get(a));
    }
    levels = new double[qualitative.length][][];
    for (int a = 0; a < qualitative.length; a++) {
      levels[a] = levelMatrix(encoding.levelCount(qualitative[a]),
          hp.levelCorrelations().get(a), encoding.parameters().get(qualitative[a]).id());
    }
  }

  /** The number of level pairs of a parameter with {@code k} values. */
  static int pairCount(int k) {
    return k * (k - 1) / 2;
  }

  private static double[][] levelMatrix(int k, List<Double> pairs, String id) {
    if (pairs.size() != pairCount(k)) {
      throw new IllegalArgumentException("parameter \"" + id + "\" has " + k + " values, so "
          + pairCount(k) + " level correlations; the hyperparameters give " + pairs.size());
    }
    double[][] m = new double[k][k];
    int index = 0;
    for (int i = 0; i < k; i++) {
      m[i][i] = 1.0;
      for (int j = i + 1; j < k; j++) {
        m[i][j] = pairs.get(index);
        m[j][i] = pairs.get(index);
        index++;
      }
    }
    return m;
  }

  /** The correlation of {@code a} and {@code b}, in {@code [0, 1]}. */
  double between(UnitPoint a, UnitPoint b) {
    double value = 1.0;
    if (numeric.length > 0) {
      double sum = 0;
      for (int n = 0; n < numeric.length; n++) {
        double d = a.get(numeric[n]) - b.get(numeric[n]);
        sum += theta[n] * d * d;
      }
      value = kernel.correlation(Math.sqrt(sum));
    }
    for (int q = 0; q < qualitative.length; q++) {
      int j = qualitative[q];
      value *= levels[q][encoding.levelIndex(j, a.get(j))][encoding.levelIndex(j, b.get(j))];
    }
    return value;
  }

  /** The correlation matrix of {@code points}, without nugget. */
  double[][] matrix(List<UnitPoint> points) {
    int n = points.size();
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      r[i][i] = 1.0;
      for (int k = i + 1; k < n; k++) {
        double c = between(points.get(i), points.get(k));
        r[i][k] = c;
        r[k][i] = c;
      }
    }
    return r;
  }
}
