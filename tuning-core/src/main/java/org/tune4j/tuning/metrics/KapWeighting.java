package org.tune4j.tuning.metrics;

import java.util.Locale;

/**
 * Disagreement weights for Cohen's kappa ({@code kap}): none (every disagreement costs 1),
 * linear ({@code |i − j|}) or quadratic ({@code (i − j)²}), with {@code i, j} the level indices.
 * The weighted forms only make sense for ordered levels.
 */
public enum KapWeighting {
  /** Unweighted kappa: weight 1 off the diagonal. */
  NONE,
  /** Weight {@code |i − j|}. */
  LINEAR,
  /** Weight {@code (i − j)²}. */
  QUADRATIC;

  /** The yardstick spelling: {@code none}, {@code linear} or {@code quadratic}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a yardstick weighting name.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static KapWeighting fromLabel(String label) {
    for (KapWeighting w : values()) {
      if (w.label().equals(label)) {
        return w;
      }
    }
    throw new IllegalArgumentException(
        "kap weighting \"" + label + "\" is not known; choose from: none, linear, quadratic");
  }

  /** The disagreement weight of predicting level {@code i} when the truth is level {@code j}. */
  double weight(int i, int j) {
    switch (this) {
      case NONE:
        return i == j ? 0 : 1;
      case LINEAR:
        return Math.abs(i - j);
      default:
        return (double) (i - j) * (i - j);
    }
  }
}
