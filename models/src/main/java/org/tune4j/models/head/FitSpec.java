package org.tune4j.models.head;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

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
 * @param options L2, Nesterov momentum (SGD only) and decoupled weight decay ({@link OptimizerOptions})
 */
public record FitSpec(int epochs, int batchSize, double validationSplit, double learnRate, long seed,
    Optimizer optimizer, int patience, OptimizerOptions options) {

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
    java.util.Objects.requireNonNull(options, "options");
    if (options.momentum() > 0 && optimizer != Optimizer.SGD) {
      throw new IllegalArgumentException("momentum = " + options.momentum() + " needs optimizer sgd, not "
          + optimizer.kerasName() + "; set the optimizer to sgd first, or momentum 0");
    }
  }

  /** A fit with early stopping after {@code patience} epochs and no optimizer extras. */
  public FitSpec(int epochs, int batchSize, double validationSplit, double learnRate, long seed, Optimizer optimizer,
      int patience) {
    this(epochs, batchSize, validationSplit, learnRate, seed, optimizer, patience, OptimizerOptions.none());
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
    return new FitSpec(n, batchSize, validationSplit, learnRate, seed, optimizer, patience, options);
  }

  /** A copy with minibatches of {@code n} rows. */
  public FitSpec batchSize(int n) {
    return new FitSpec(epochs, n, validationSplit, learnRate, seed, optimizer, patience, options);
  }

  /** A copy holding out the last {@code share} of the rows for validation. */
  public FitSpec validationSplit(double share) {
    return new FitSpec(epochs, batchSize, share, learnRate, seed, optimizer, patience, options);
  }

  /** A copy with Adam's learning rate {@code rate}. */
  public FitSpec learnRate(double rate) {
    return new FitSpec(epochs, batchSize, validationSplit, rate, seed, optimizer, patience, options);
  }

  /** A copy with another optimizer. */
  public FitSpec optimizer(Optimizer newOptimizer) {
    return new FitSpec(epochs, batchSize, validationSplit, learnRate, seed, newOptimizer, patience, options);
  }

  /**
   * A copy that stops after {@code epochs} epochs without a lower validation loss (0: never stops early).
   * The weights of the last epoch are kept, as Keras' {@code restore_best_weights = FALSE}.
   */
  public FitSpec patience(int epochs) {
    return new FitSpec(this.epochs, batchSize, validationSplit, learnRate, seed, optimizer, epochs, options);
  }

  /** A copy with another seed. */
  public FitSpec seed(long newSeed) {
    return new FitSpec(epochs, batchSize, validationSplit, learnRate, newSeed, optimizer, patience, options);
  }

  /** A copy with other optimizer extras. */
  public FitSpec options(OptimizerOptions newOptions) {
    return new FitSpec(epochs, batchSize, validationSplit, learnRate, seed, optimizer, patience, newOptions);
  }

  /** A copy with L2 coefficient {@code x} on dense and output weights ({@link OptimizerOptions}). */
  public FitSpec l2(double x) {
    return options(options.l2(x));
  }

  /** A copy with Nesterov momentum {@code x}; needs {@link Optimizer#SGD}, set first. */
  public FitSpec momentum(double x) {
    return options(options.momentum(x));
  }

  /** A copy with decoupled weight decay {@code x} (with Adam: AdamW). */
  public FitSpec weightDecay(double x) {
    return options(options.weightDecay(x));
  }

  /** DL4J's updater for this fit: the optimizer at the learning rate, Nesterov's when SGD has momentum. */
  public IUpdater updater() {
    return options.momentum() > 0 ? new Nesterovs(learnRate, options.momentum()) : optimizer.updater(learnRate);
  }
}
