package org.tune4j.tuning.metrics;

/**
 * Whether a bigger or a smaller metric value is better; ranking and selection use it
 * (yardstick's metric {@code direction}).
 */
public enum Direction {
  /** Bigger is better (accuracy, roc_auc...). */
  MAXIMIZE,
  /** Smaller is better (mn_log_loss, brier_class). */
  MINIMIZE;

  /** Whether a bigger value is better. */
  public boolean biggerIsBetter() {
    return this == MAXIMIZE;
  }
}
