package org.tune4j.models.head.fast;

import org.tune4j.models.head.EpochMetrics;

/** Called after every epoch of every candidate still training, in candidate order. */
@FunctionalInterface
public interface CandidateListener {
  /**
   * Receives one candidate's epoch.
   *
   * @param candidate the candidate's index in the list given to the trainer
   * @param metrics the epoch's loss and accuracy
   * @param soFar the head after this epoch; its weights are valid until the next epoch changes them
   */
  void afterEpoch(int candidate, EpochMetrics metrics, FastFittedHead soFar);
}
