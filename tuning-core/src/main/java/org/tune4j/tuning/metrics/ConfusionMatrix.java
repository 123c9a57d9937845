package org.tune4j.tuning.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix laid out as yardstick's {@code conf_mat}: rows are the predicted level,
 * columns the true level, {@code count(predicted, truth)}.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(predictions);
 * long missedCats = cm.count(cm.levels().indexOf("dog"), cm.levels().indexOf("cat"));
 * System.out.println(cm);   // prints the table with level names
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfusionMatrix {

  private final List<String> levels;
  private final long[] counts; // row-major [predicted][truth]
  private final long total;

  private ConfusionMatrix(List<String> levels, long[] counts) {
    this.levels = levels;
    this.counts = counts;
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    this.total = t;
  }

  /** Tabulates the predicted against the true classes of some predictions. */
  public static ConfusionMatrix of(ClassPredictions predictions) {
    Objects.requireNonNull(predictions, "predictions");
    int c = predictions.numLevels();
    int[] truth = predictions.truthView();
    int[] predicted = predictions.predictedView();
    long[] counts = new long[c * c];
    for (int row = 0; row < truth.length; row++) {
      counts[predicted[row] * c + truth[row]]++;
    }
    return new ConfusionMatrix(predictions.levels(), counts);
  }

  /**
   * A confusion matrix from counts, {@code counts[predicted][truth]}.
   *
   * @throws IllegalArgumentException if the matrix is not square with one row per level, or a
   *     count is negative
   */
  public static ConfusionMatrix ofCounts(List<String> levels, long[][] counts) {
    List<String> lv = List.copyOf(Objects.requireNonNull(levels, "levels"));
    Objects.requireNonNull(counts, "counts");
    int c = lv.size();
    if (c < 2 || counts.length != c) {
      throw new IllegalArgumentException(
          "counts has " + counts.length + " rows for " + c + " levels " + lv
              + "; give a square matrix with one row and one column per level (at least 2)");
    }
    long[] flat = new long[c * c];
    for (int p = 0; p < c; p++) {
      if (counts[p] == null || counts[p].length != c) {
        throw new IllegalArgumentException(
            "counts row " + p + " must have " + c + " columns, one per level " + lv);
      }
      for (int t = 0; t < c; t++) {
        if (counts[p][t] < 0) {
          throw new IllegalArgumentException(
              "counts[" + p + "][" + t + "] is " + counts[p][t] + "; counts must be >= 0");
        }
        flat[p * c + t] = counts[p][t];
      }
    }
    return new ConfusionMatrix(lv, flat);
  }

  /** The level names, in row and column order. */
  public List<String> levels() {
    return levels;
  }

  /** Number of levels. */
  public int numLevels() {
    return levels.size();
  }

  /** Number of rows with predicted level {@code predicted} and true level {@code truth}. */
  public long count(int predicted, int truth) {
    Objects.checkIndex(predicted, levels.size());
    Objects.checkIndex(truth, levels.size());
    return counts[predicted * levels.size() + truth];
  }

  /** Number of rows tabulated. */
  public long total() {
    return total;
  }

  /** Number of rows whose true level is {@code level} (a column sum). */
  public long truthTotal(int level) {
    long s = 0;
    int c = levels.size();
    for (int p = 0; p < c; p++) {
      s += counts[p * c + level];
    }
    return s;
  }

  /** Number of rows predicted as {@code level} (a row sum). */
  public long predictedTotal(int level) {
    long s = 0;
    int c = levels.size();
    for (int t = 0; t < c; t++) {
      s += counts[level * c + t];
    }
    return s;
  }

  /** Number of rows on the diagonal (correctly classified). */
  public long correct() {
    long s = 0;
    int c = levels.size();
    for (int k = 0; k < c; k++) {
      s += counts[k * c + k];
    }
    return s;
  }

  /** Prints the table as yardstick does: a {@code Truth} header and one row per prediction. */
  @Override
  public String toString() {
    int c = levels.size();
    int width = "Prediction".length();
    for (String l : levels) {
      width = Math.max(width, l.length());
    }
    for (long v : counts) {
      width = Math.max(width, Long.toString(v).length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(pad("", width)).append(" Truth\n").append(pad("Prediction", width));
    for (String l : levels) {
      sb.append(' ').append(pad(l, width));
    }
    sb.append('\n');
    for (int p = 0; p < c; p++) {
      sb.append(pad(levels.get(p), width));
      for (int t = 0; t < c; t++) {
        sb.append(' ').append(pad(Long.toString(counts[p * c + t]), width));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix
        && ((ConfusionMatrix) o).levels.equals(levels)
        && java.util.Arrays.equals(((ConfusionMatrix) o).counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * levels.hashCode() + java.util.Arrays.hashCode(counts);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
