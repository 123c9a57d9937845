package org.tune4j.models.head.fast;

/**
 * Keras' {@code callback_early_stopping(monitor = "val_loss", patience = p)} with {@code min_delta = 0} and
 * {@code restore_best_weights = FALSE}: stop once {@code p} epochs in a row brought no lower validation loss.
 * Patience 0 never stops. Not thread-safe (one per fit).
 */
final class EarlyStopping {
  private final int patience;
  private double best = Double.POSITIVE_INFINITY;
  private int wait;
  private int stoppedEpoch;

  EarlyStopping(int patience) {
    this.patience = patience;
  }

  /** Records an epoch's validation loss; true when training should stop after it. */
  boolean stopsAfter(double valLoss, int epoch) {
    if (patience == 0) {
      return false;
    }
    if (valLoss < best) {
      best = valLoss;
      wait = 0;
      return false;
    }
    wait++;
    if (wait >= patience) {
      stoppedEpoch = epoch;
      return true;
    }
    return false;
  }

  /** The epoch training stopped at, or 0. */
  int stoppedEpoch() {
    return stoppedEpoch;
  }
}
