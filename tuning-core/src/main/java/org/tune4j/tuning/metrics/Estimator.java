package org.tune4j.tuning.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a metric is computed and averaged over classes, named as yardstick's {@code .estimator}
 * column.
 *
 * <ul>
 *   <li>{@link #BINARY}: two levels, one of them the event;</li>
 *   <li>{@link #MULTICLASS}: a metric with a natural multiclass form (accuracy, kap, mcc,
 *       mn_log_loss, brier_class) on three or more levels;</li>
 *   <li>{@link #MACRO}: the plain mean of the one-vs-all values of each level;</li>
 *   <li>{@link #MACRO_WEIGHTED}: their mean weighted by each level's count in the truth;</li>
 *   <li>{@link #MICRO}: the counts of all levels pooled first, then one value computed;</li>
 *   <li>{@link #HAND_TILL}: Hand and Till's (2001) multiclass AUC, roc_auc's default.</li>
 * </ul>
 */
public enum Estimator {
  /** Two-class metric with an event level. */
  BINARY,
  /** Natural multiclass extension. */
  MULTICLASS,
  /** Unweighted mean over levels. */
  MACRO,
  /** Mean over levels weighted by truth counts. */
  MACRO_WEIGHTED,
  /** Pooled counts. */
  MICRO,
  /** Hand–Till multiclass AUC. */
  HAND_TILL;

  /** The yardstick spelling, e.g. {@code macro_weighted}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a yardstick estimator name.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static Estimator fromLabel(String label) {
    for (Estimator e : values()) {
      if (e.label().equals(label)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "estimator \"" + label + "\" is not known; choose from: "
            + Arrays.stream(values()).map(Estimator::label).collect(Collectors.joining(", ")));
  }
}
