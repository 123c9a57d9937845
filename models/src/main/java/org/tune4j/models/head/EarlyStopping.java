package org.tune4j.models.head;

/**
 * Keras' {@code callback_early_stopping(monitor = "val_loss", patience = p)} with {@code min_delta = 0} and
 * {@code restore_best_weights = FALSE}: stop once {@code p} epochs in a row brought no lower validation loss.
 * Patience 0 never stops. Every trainer (DL4J heads, fast heads, the whole graph) uses it, so a fit stops at the
 * same epoch whichever trainer runs it. Not thread-safe (one per fit).
 */
public final class EarlyStopping {
  private final int patience;
  private double best = Double.POSITIVE_INFINITY;
  private int wait;
  private int stoppedEpoch;

  /** Watches the validation loss with {@code patience} epochs of patience (0: never stop). */
  public EarlyStopping(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience = " + patience + " must be at least 0 (0 = no early stopping)");
    }
    this.patience = patience;
  }

  /**
   * Refuses a fit whose patience has no validation loss to watch.
   *
   * @throws IllegalArgumentException when the fit has patience but no validation split
   */
  public static void requireValidation(FitSpec fit) {
    if (fit.patience() > 0 && fit.validationSplit() == 0) {
      throw new IllegalArgumentException("patience = " + fit.patience()
          + " needs a validation split above 0 to watch the validation loss; set validationSplit or patience 0");
    }
  }

  /** Records an epoch's validation loss; true when training should stop after it. */
  public boolean stopsAfter(double valLoss, int epoch) {
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

  /** The epoch training stopped at, or 0 when it ran all its epochs. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }
}
