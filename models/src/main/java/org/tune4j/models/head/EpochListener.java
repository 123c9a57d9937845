package org.tune4j.models.head;

/** Called after every epoch of a head fit with that epoch's metrics and the head as trained so far. */
@FunctionalInterface
public interface EpochListener {
  /**
   * Receives one epoch.
   *
   * @param metrics the epoch's loss and accuracy
   * @param soFar the head after this epoch; valid until the next epoch changes its weights
   */
  void afterEpoch(EpochMetrics metrics, FittedHead soFar);
}
