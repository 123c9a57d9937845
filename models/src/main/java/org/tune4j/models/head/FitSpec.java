package org.tune4j.models.head;

/**
 * How a head is fitted: an optimizer (Adam by default) at {@code learnRate} on categorical cross-entropy, {@code epochs}
 * passes over shuffled minibatches of {@code batchSize}, holding out the last {@code
 * validationSplit} share of the rows for validation as Keras' {@code validation_split} does.
 *
 * <pre>{@code
 * FitSpec fit = FitSpec.defaults().epochs(5).batchSize(32).validationSplit(0.2).learnRate(1e-3).seed(7);
 * }</pre>
 *
 * @param epochs passes over the training rows, at least 1
 * @param batchSize rows per minibatch, at least 1
 * @param validationSplit share of rows held out, in {@code [0, 1)}
 * @param learnRate Adam's learning rate, above 0
 * @param seed the seed of initial weights, shuffling and dropout
 * @param optimizer the optimizer
 * @param patience early stopping on validation loss (Keras' {@code callback_early_stopping(monitor = "val_loss",
 *     patience = ...)}, best weights not restored): stop after this many epochs without a lower validation loss;
 *     0 turns it off. Every trainer honours it ({@link EarlyStopping}); it needs a validation split.
 */
public record FitSpec(int epochs, int batchSize, double validationSplit, double learnRate, long seed,
    Optimizer optimizer, int patience) {

  /** Validates the values. */
  public FitSpec {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + " must be at least 1");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size = " + batchSize + " must be at least 1");
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("validation split = " + validationSplit + " must be in [0, 1)");
    }
    java.util.Objects.requireNonNull(optimizer, "optimizer");
    if (!(learnRate > 0 && Double.isFinite(learnRate))) {
      throw new IllegalArgumentException("learn rate = " + learnRate + " must be a finite number above 0");
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience = " + patience + " must be at least 0 (0 = no early stopping)");
    }
  }

  /** A fit without early stopping (patience 0). */
  public FitSpec(int epochs, int batchSize, double validationSplit, double learnRate, long seed, Optimizer optimizer) {
    this(epochs, batchSize, validationSplit, learnRate, seed, optimizer, 0);
  }

  /** Keras' defaults as kerasnip uses them: 1 epoch, batch 32, no validation, Adam at 0.01, seed 1. */
  public static FitSpec defaults() {
    return new FitSpec(1, 32, 0, 0.01, 1, Optimizer.ADAM);
  }

  /** A copy with {@code n} epochs. */
  public FitSpec epochs(int n) {
    return new FitSpec(n, batchSize, validationSplit, learnRate, seed, optimizer, patience);
  }

  /** A copy with minibatches of {@code n} rows. */
  public FitSpec batchSize(int n) {
    return new FitSpec(epochs, n, validationSplit, learnRate, seed, optimizer, patience);
  }

  /** A copy holding out the last {@code share} of the rows for validation. */
  public FitSpec validationSplit(double share) {
    return new FitSpec(epochs, batchSize, share, learnRate, seed, optimizer, patience);
  }

  /** A copy with Adam's learning rate {@code rate}. */
  public FitSpec learnRate(double rate) {
    return new FitSpec(epochs, batchSize, validationSplit, rate, seed, optimizer, patience);
  }

  /** A copy with another optimizer. */
  public FitSpec optimizer(Optimizer newOptimizer) {
    return new FitSpec(epochs, batchSize, validationSplit, learnRate, seed, newOptimizer, patience);
  }

  /**
   * A copy that stops after {@code epochs} epochs without a lower validation loss (0: never stops early).
   * The weights of the last epoch are kept, as Keras' {@code restore_best_weights = FALSE}.
   */
  public FitSpec patience(int epochs) {
    return new FitSpec(this.epochs, batchSize, validationSplit, learnRate, seed, optimizer, epochs);
  }

  /** A copy with another seed. */
  public FitSpec seed(long newSeed) {
    return new FitSpec(epochs, batchSize, validationSplit, learnRate, newSeed, optimizer, patience);
  }
}
