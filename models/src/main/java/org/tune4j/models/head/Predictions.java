package org.tune4j.models.head;

import java.util.List;
import java.util.Objects;

/**
 * Class predictions with per-class probabilities, as kerasnip's {@code .pred_class} and
 * {@code .pred_<level>} columns.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class Predictions {
  private final List<String> levels;
  private final int[] predClass;
  private final double[][] probabilities;

  private Predictions(List<String> levels, int[] predClass, double[][] probabilities) {
    this.levels = levels;
    this.predClass = predClass;
    this.probabilities = probabilities;
  }

  /**
   * Predictions from a probability matrix; the predicted class is the most probable one (the
   * lowest index on ties).
   *
   * @param levels class names, one per probability column
   * @param probabilities one row per image, one column per level (copied)
   */
  public static Predictions fromProbabilities(List<String> levels, double[][] probabilities) {
    List<String> lv = List.copyOf(levels);
    double[][] copy = new double[probabilities.length][];
    int[] cls = new int[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i].length != lv.size()) {
        throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length
            + " probabilities but there are " + lv.size() + " levels");
      }
      copy[i] = probabilities[i].clone();
      int best = 0;
      for (int k = 1; k < copy[i].length; k++) {
        if (copy[i][k] > copy[i][best]) {
          best = k;
        }
      }
      cls[i] = best;
    }
    return new Predictions(lv, cls, copy);
  }

  /** The number of predicted rows. */
  public int size() {
    return predClass.length;
  }

  /** The class names. */
  public List<String> levels() {
    return levels;
  }

  /** The predicted class index of row {@code i}. */
  public int predClass(int i) {
    return predClass[i];
  }

  /** The predicted class name of row {@code i} ({@code pred_class}). */
  public String predLevel(int i) {
    return levels.get(predClass[i]);
  }

  /** The probability of level {@code k} for row {@code i} ({@code pred_<level>}). */
  public double probability(int i, int k) {
    return probabilities[i][k];
  }

  /** A copy of the predicted class indices. */
  public int[] predClasses() {
    return predClass.clone();
  }

  /** A copy of the probability matrix. */
  public double[][] probabilities() {
    double[][] out = new double[probabilities.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = probabilities[i].clone();
    }
    return out;
  }

  /**
   * The share of rows whose predicted class equals the truth.
   *
   * @throws IllegalArgumentException when {@code truth} has another length
   */
  public double accuracy(int[] truth) {
    Objects.requireNonNull(truth, "truth");
    if (truth.length != predClass.length) {
      throw new IllegalArgumentException("truth has " + truth.length + " rows but there are " + predClass.length
          + " predictions");
    }
    if (truth.length == 0) {
      return Double.NaN;
    }
    int hits = 0;
    for (int i = 0; i < truth.length; i++) {
      hits += truth[i] == predClass[i] ? 1 : 0;
    }
    return (double) hits / truth.length;
  }
}
