package org.tune4j.tuning.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The O(n log n) areas against their O(n²) definitions on random data with many ties. */
class ColumnRankingTest {

  private static final double SUM_ORDER_TOLERANCE = 1e-12;

  @Test
  void aucsMatchPairwiseDefinitionsOnTiedRandomData() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      int c = 2 + random.nextInt(5);
      int n = 5 + random.nextInt(120);
      ClassPredictions p = randomPredictions(random, n, c, 1 + random.nextInt(8));
      for (int k = 0; k < c; k++) {
        ColumnRanking r = new ColumnRanking(p);
        r.rank(k);
        assertEquals(bruteOneVsAll(p, k), r.oneVsAllAuc(k), SUM_ORDER_TOLERANCE,
            "trial " + trial + " level " + k);
      }
      if (c > 2) {
        assertEquals(bruteHandTill(p),
            ClassificationMetrics.rocAuc().estimate(p).estimate(), SUM_ORDER_TOLERANCE);
      }
    }
  }

  @Test
  void sortsInIncreasingOrderIncludingZerosAndOnes() {
    ClassPredictions p = ClassPredictions.of(List.of("a", "b"), new int[] {0, 1, 0, 1, 0},
        new int[] {0, 0, 0, 0, 0},
        new double[][] {{1, 0}, {0.25, 0.75}, {0, 1}, {0.5, 0.5}, {-0.0, 1}});
    ColumnRanking r = new ColumnRanking(p);
    r.rank(0);
    double[] sorted = new double[5];
    for (int i = 0; i < 5; i++) {
      sorted[i] = r.score(i);
    }
    assertEquals(List.of(0.0, 0.0, 0.25, 0.5, 1.0), toList(sorted));
    assertEquals(2, r.groupEnd(0)); // -0.0 and 0.0 are one tie group
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  /** Probabilities in steps of 1/grain, so ties are common. */
  static ClassPredictions randomPredictions(SplittableRandom random, int n, int c, int grain) {
    int[] truth = new int[n];
    double[][] probs = new double[n][c];
    for (int i = 0; i < n; i++) {
      truth[i] = random.nextInt(c);
      int[] counts = new int[c];
      for (int g = 0; g < grain; g++) {
        counts[random.nextInt(4) == 0 ? truth[i] : random.nextInt(c)]++;
      }
      for (int k = 0; k < c; k++) {
        probs[i][k] = (double) counts[k] / grain;
      }
    }
    truth[0] = 0;
    truth[1] = 1;
    return ClassPredictions.fromProbabilities(levels(c), truth, probs);
  }

  private static List<String> levels(int c) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      out.add("L" + k);
    }
    return out;
  }

  private static double brute(ClassPredictions p, int column, int pos, int neg) {
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < p.size(); i++) {
      if (p.truth(i) != pos) {
        continue;
      }
      for (int j = 0; j < p.size(); j++) {
        boolean isNeg = neg < 0 ? p.truth(j) != pos : p.truth(j) == neg;
        if (!isNeg) {
          continue;
        }
        double a = p.probability(i, column);
        double b = p.probability(j, column);
        wins += a > b ? 1 : a == b ? 0.5 : 0;
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }

  private static double bruteOneVsAll(ClassPredictions p, int k) {
    return brute(p, k, k, -1);
  }

  private static double bruteHandTill(ClassPredictions p) {
    int c = p.numLevels();
    List<Integer> present = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      for (int i = 0; i < p.size(); i++) {
        if (p.truth(i) == k) {
          present.add(k);
          break;
        }
      }
    }
    double sum = 0;
    for (int i : present) {
      for (int j : present) {
        if (i < j) {
          sum += (brute(p, i, i, j) + brute(p, j, j, i)) / 2;
        }
      }
    }
    int m = present.size();
    return 2 * sum / (m * (m - 1.0));
  }
}
