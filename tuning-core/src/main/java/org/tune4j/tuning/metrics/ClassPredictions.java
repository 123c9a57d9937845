package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The predictions of a classifier for {@code n} rows: the true class, the predicted class and,
 * optionally, an {@code n × C} matrix of class probabilities, all as indices into one list of
 * level names (yardstick's factor levels; the first level is the event of a binary problem
 * unless a metric is asked for {@link EventLevel#SECOND}).
 *
 * <p>Everything is validated on construction: at least two distinct level names, class indices
 * in range, probabilities finite, in [0, 1], and summing to 1 within
 * {@link #DEFAULT_SUM_TOLERANCE} (or a tolerance you pass). Errors name the 0-based row.
 *
 * <pre>{@code
 * ClassPredictions p = ClassPredictions.of(
 *     List.of("cat", "dog"),
 *     new int[] {0, 1, 1},                      // truth
 *     new int[] {0, 1, 0},                      // predicted class
 *     new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}});
 * }</pre>
 *
 * <p>Immutable and thread-safe: the arrays passed in are copied.
 */
public final class ClassPredictions implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Tolerance on |row sum − 1| used when none is given. */
  public static final double DEFAULT_SUM_TOLERANCE = 1e-6;

  private final List<String> levels;
  private final int[] truth;
  private final int[] predicted;
  /** Row-major n × C probabilities, or null when the predictions carry no probabilities. */
  private final double[] probabilities;

  private ClassPredictions(List<String> levels, int[] truth, int[] predicted, double[] probs) {
    this.levels = levels;
    this.truth = truth;
    this.predicted = predicted;
    this.probabilities = probs;
  }

  /**
   * Predictions with classes and probabilities, rows checked to sum to 1 within
   * {@link #DEFAULT_SUM_TOLERANCE}.
   *
   * @param levels class names, index {@code k} is class {@code k}
   * @param truth true class index of each row
   * @param predicted predicted class index of each row
   * @param probabilities {@code probabilities[row][k]} = probability of class {@code k}
   */
  public static ClassPredictions of(
      List<String> levels, int[] truth, int[] predicted, double[][] probabilities) {
    return of(levels, truth, predicted, probabilities, DEFAULT_SUM_TOLERANCE);
  }

  /** As {@link #of(List, int[], int[], double[][])} with an explicit row-sum tolerance. */
  public static ClassPredictions of(
      List<String> levels,
      int[] truth,
      int[] predicted,
      double[][] probabilities,
      double sumTolerance) {
    List<String> lv = checkLevels(levels);
    int[] t = checkClasses("truth", truth, lv.size());
    int[] p = checkClasses("predicted", predicted, lv.size());
    checkSameLength("predicted", p.length, t.length);
    Objects.requireNonNull(probabilities, "probabilities");
    checkSameLength("probabilities", probabilities.length, t.length);
    checkTolerance(sumTolerance);
    int c = lv.size();
    double[] flat = new double[t.length * c];
    for (int row = 0; row < probabilities.length; row++) {
      double[] r = probabilities[row];
      if (r == null || r.length != c) {
        throw new IllegalArgumentException(
            "probabilities row " + row + " has " + (r == null ? "no" : r.length)
                + " columns; expected one per level (" + c + ": " + String.join(", ", lv) + ")");
      }
      System.arraycopy(r, 0, flat, row * c, c);
    }
    checkProbabilities(flat, c, lv, sumTolerance);
    return new ClassPredictions(lv, t, p, flat);
  }

  /**
   * What a fit whose weights went non-finite predicts: every probability NaN (predicted class 0). The
   * tuning engine notes such predictions as "training diverged" and scores nothing from them; use it
   * instead of {@link #of} when a model's output is not a probability any more.
   */
  public static ClassPredictions diverged(List<String> levels, int[] truth) {
    List<String> lv = checkLevels(levels);
    int[] t = checkClasses("truth", truth, lv.size());
    double[] nan = new double[t.length * lv.size()];
    java.util.Arrays.fill(nan, Double.NaN);
    return new ClassPredictions(lv, t, new int[t.length], nan);
  }

  /** Predictions with classes only; probability metrics (roc_auc, brier_class...) refuse them. */
  public static ClassPredictions ofClasses(List<String> levels, int[] truth, int[] predicted) {
    List<String> lv = checkLevels(levels);
    int[] t = checkClasses("truth", truth, lv.size());
    int[] p = checkClasses("predicted", predicted, lv.size());
    checkSameLength("predicted", p.length, t.length);
    return new ClassPredictions(lv, t, p, null);
  }

  /**
   * Predictions whose predicted class is the most probable one (the first level wins a tie),
   * as a softmax classifier's {@code predict} gives.
   */
  public static ClassPredictions fromProbabilities(
      List<String> levels, int[] truth, double[][] probabilities) {
    Objects.requireNonNull(probabilities, "probabilities");
    int[] predicted = new int[probabilities.length];
    for (int row = 0; row < probabilities.length; row++) {
      double[] r = Objects.requireNonNull(probabilities[row], "probabilities row " + row);
      int best = 0;
      for (int k = 1; k < r.length; k++) {
        if (r[k] > r[best]) {
          best = k;
        }
      }
      predicted[row] = best;
    }
    return of(levels, truth, predicted, probabilities);
  }

  /** The level names; index {@code k} names class {@code k}. */
  public List<String> levels() {
    return levels;
  }

  /** Number of levels (classes), at least 2. */
  public int numLevels() {
    return levels.size();
  }

  /** Number of rows. */
  public int size() {
    return truth.length;
  }

  /** True class index of a row. */
  public int truth(int row) {
    return truth[row];
  }

  /** Predicted class index of a row. */
  public int predicted(int row) {
    return predicted[row];
  }

  /** Whether the predictions carry class probabilities. */
  public boolean hasProbabilities() {
    return probabilities != null;
  }

  /**
   * Probability of class {@code level} for a row.
   *
   * @throws IllegalStateException if the predictions have no probabilities
   */
  public double probability(int row, int level) {
    if (probabilities == null) {
      throw new IllegalStateException("these predictions have no class probabilities");
    }
    Objects.checkIndex(level, levels.size());
    return probabilities[row * levels.size() + level];
  }

  /** A copy of the true class indices. */
  public int[] truthArray() {
    return truth.clone();
  }

  /** A copy of the predicted class indices. */
  public int[] predictedArray() {
    return predicted.clone();
  }

  /** Index of a level name, or -1 when it is not a level. */
  public int levelIndex(String level) {
    return levels.indexOf(level);
  }

  /** The shared truth array, for metric code in this package only; never modify it. */
  int[] truthView() {
    return truth;
  }

  /** The shared predicted array, for metric code in this package only; never modify it. */
  int[] predictedView() {
    return predicted;
  }

  /** The shared row-major probability array (null if none); never modify it. */
  double[] probabilityView() {
    return probabilities;
  }

  @Override
  public String toString() {
    return "ClassPredictions[" + truth.length + " rows, levels=" + levels
        + (probabilities == null ? ", no probabilities]" : ", with probabilities]");
  }

  private static List<String> checkLevels(List<String> levels) {
    Objects.requireNonNull(levels, "levels");
    List<String> copy = List.copyOf(levels);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(
          "levels must name at least 2 classes, got " + copy.size() + ": " + copy);
    }
    Set<String> seen = new HashSet<>();
    for (String level : copy) {
      if (level.isBlank()) {
        throw new IllegalArgumentException("level names must not be blank: " + copy);
      }
      if (!seen.add(level)) {
        throw new IllegalArgumentException(
            "level \"" + level + "\" appears twice in " + copy + "; level names must be distinct");
      }
    }
    return copy;
  }

  private static int[] checkClasses(String what, int[] classes, int numLevels) {
    Objects.requireNonNull(classes, what);
    if (classes.length == 0) {
      throw new IllegalArgumentException(what + " is empty; predictions need at least one row");
    }
    for (int row = 0; row < classes.length; row++) {
      int k = classes[row];
      if (k < 0 || k >= numLevels) {
        throw new IllegalArgumentException(
            what + " row " + row + " is class index " + k + "; expected 0.." + (numLevels - 1)
                + " (one per level)");
      }
    }
    return classes.clone();
  }

  private static void checkSameLength(String what, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          what + " has " + length + " rows but truth has " + expected + "; give one per row");
    }
  }

  private static void checkTolerance(double tolerance) {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException(
          "sumTolerance must be in [0, 1), got " + tolerance + "; the default is "
              + DEFAULT_SUM_TOLERANCE);
    }
  }

  private static void checkProbabilities(double[] flat, int c, List<String> lv, double tol) {
    int n = flat.length / c;
    for (int row = 0; row < n; row++) {
      double sum = 0;
      for (int k = 0; k < c; k++) {
        double v = flat[row * c + k];
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException(
              "probabilities row " + row + ", level \"" + lv.get(k) + "\" is " + v
                  + "; probabilities must be in [0, 1]");
        }
        sum += v;
      }
      if (Math.abs(sum - 1) > tol) {
        throw new IllegalArgumentException(
            "probabilities row " + row + " sums to " + sum + " " + describeRow(flat, row, c)
                + "; each row must sum to 1 within " + tol);
      }
    }
  }

  private static String describeRow(double[] flat, int row, int c) {
    List<Double> values = new ArrayList<>(c);
    for (int k = 0; k < c; k++) {
      values.add(flat[row * c + k]);
    }
    return Arrays.toString(values.toArray());
  }
}
