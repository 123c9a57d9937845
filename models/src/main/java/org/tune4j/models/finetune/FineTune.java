package org.tune4j.models.finetune;

import java.util.Objects;

/**
 * How to fine-tune a fitted frozen model, Keras' transfer-learning second stage: which top blocks of the backbone to
 * unfreeze, and how to train them with the head — the fitted model's optimizer at a low learning rate ({@value
 * #DEFAULT_LEARN_RATE} by default, as Keras' guide), {@code epochs} passes over minibatches of {@code batchSize} drawn
 * from {@code seed}, the last {@code validationSplit} share of the training rows held out, and early stopping after
 * {@code patience} epochs without a lower validation loss that keeps the best epoch's weights (Keras'
 * {@code restore_best_weights = TRUE}).
 *
 * <pre>{@code
 * FineTune options = FineTune.topBlocks(1).learnRate(1e-5).epochs(10).patience(2);
 * FineTune stage = FineTune.stage("conv5").batchSize(16);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with}-style methods return changed copies.
 *
 * @param blocks the blocks trained
 * @param learnRate the optimizer's learning rate, above 0
 * @param epochs passes over the training rows, at least 0 (0: the warm start, the frozen model's weights)
 * @param patience epochs without a lower validation loss before stopping, at least 0 (0: never stops early)
 * @param batchSize rows per minibatch, at least 1
 * @param validationSplit the share of training rows held out (the last ones), in {@code [0, 1)}; above 0 when
 *     {@code patience} is
 * @param seed the seed of the minibatch order and of dropout
 */
public record FineTune(Unfreeze blocks, double learnRate, int epochs, int patience, int batchSize,
    double validationSplit, long seed) {
  /** Keras' transfer-learning guide fine-tunes at this rate. */
  public static final double DEFAULT_LEARN_RATE = 1e-5;
  /** The share of training rows held out by default, to watch the validation loss. */
  public static final double DEFAULT_VALIDATION_SPLIT = 0.2;

  /** Validates every value. */
  public FineTune {
    Objects.requireNonNull(blocks, "blocks");
    if (!(learnRate > 0 && Double.isFinite(learnRate))) {
      throw new IllegalArgumentException("learn rate = " + learnRate + " must be a finite number above 0; fine-tuning"
          + " wants a low one, e.g. " + DEFAULT_LEARN_RATE);
    }
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs = " + epochs + " must be at least 0 (0 keeps the frozen model's"
          + " weights)");
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience = " + patience + " must be at least 0 (0 = no early stopping)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size = " + batchSize + " must be at least 1");
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("validation split = " + validationSplit + " must be in [0, 1)");
    }
    if (patience > 0 && validationSplit == 0) {
      throw new IllegalArgumentException("patience = " + patience + " needs a validation split above 0 to watch the"
          + " validation loss; set validationSplit (e.g. 0.2) or patience 0");
    }
  }

  /**
   * Fine-tunes the top {@code count} blocks: learning rate 1e-5, 10 epochs, no early stopping, batch 32, validation
   * split {@value #DEFAULT_VALIDATION_SPLIT}, seed 1.
   */
  public static FineTune topBlocks(int count) {
    return of(Unfreeze.topBlocks(count));
  }

  /** Fine-tunes stage {@code name} ({@code conv5}) and the stages above it, with {@link #topBlocks}' defaults. */
  public static FineTune stage(String name) {
    return of(Unfreeze.stage(name));
  }

  /** Fine-tunes {@code blocks} with {@link #topBlocks}' defaults. */
  public static FineTune of(Unfreeze blocks) {
    return new FineTune(blocks, DEFAULT_LEARN_RATE, 10, 0, 32, DEFAULT_VALIDATION_SPLIT, 1);
  }

  /** A copy training {@code newBlocks}. */
  public FineTune blocks(Unfreeze newBlocks) {
    return new FineTune(newBlocks, learnRate, epochs, patience, batchSize, validationSplit, seed);
  }

  /** A copy with learning rate {@code rate}. */
  public FineTune learnRate(double rate) {
    return new FineTune(blocks, rate, epochs, patience, batchSize, validationSplit, seed);
  }

  /** A copy with {@code n} epochs. */
  public FineTune epochs(int n) {
    return new FineTune(blocks, learnRate, n, patience, batchSize, validationSplit, seed);
  }

  /** A copy that stops after {@code n} epochs without a lower validation loss and keeps the best epoch's weights. */
  public FineTune patience(int n) {
    return new FineTune(blocks, learnRate, epochs, n, batchSize, validationSplit, seed);
  }

  /** A copy with minibatches of {@code n} rows. */
  public FineTune batchSize(int n) {
    return new FineTune(blocks, learnRate, epochs, patience, n, validationSplit, seed);
  }

  /** A copy holding out the last {@code share} of the training rows for validation. */
  public FineTune validationSplit(double share) {
    return new FineTune(blocks, learnRate, epochs, patience, batchSize, share, seed);
  }

  /** A copy with another seed. */
  public FineTune seed(long newSeed) {
    return new FineTune(blocks, learnRate, epochs, patience, batchSize, validationSplit, newSeed);
  }
}
