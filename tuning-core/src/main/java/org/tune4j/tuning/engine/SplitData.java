package org.tune4j.tuning.engine;

/**
 * A training/test split together with the data it indexes: what {@code Tune.lastFit} takes.
 */
public interface SplitData {
  /** The engine bound to the data. */
  ModelEngine engine();

  /** Rows to fit the final model on. */
  int[] training();

  /** Held-out rows to score it on. */
  int[] testing();
}
