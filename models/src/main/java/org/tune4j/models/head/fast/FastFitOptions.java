package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.Optimizer;

/**
 * Training settings beyond {@link FitSpec}, each with its exact DL4J counterpart (the fast trainer is
 * tested against it):
 *
 * <ul>
 *   <li>{@code l2}: DL4J's {@code l2(x)} ({@link L2Regularization}): {@code gradient += l2 * W} on dense and
 *       output weights (not biases, not batch-norm parameters) before the updater. Keras' {@code
 *       regularizer_l2(k)} is {@code l2 = 2k}.
 *   <li>{@code momentum}: with {@link Optimizer#SGD}, SGD with Nesterov momentum, DL4J's {@link Nesterovs}.
 *   <li>{@code weightDecay}: with {@link Optimizer#ADAM}, AdamW: DL4J's Adam plus decoupled {@link WeightDecay}
 *       applied after the updater and scaled by the learning rate ({@code update += lr * wd * W}).
 * </ul>
 *
 * <pre>{@code
 * FastFitOptions adamW = FastFitOptions.none().weightDecay(1e-4);
 * }</pre>
 *
 * @param l2 L2 coefficient on weights, 0 for none
 * @param momentum Nesterov momentum for SGD in {@code [0, 1)}, 0 for plain SGD
 * @param weightDecay decoupled weight decay for Adam (AdamW), 0 for none
 */
public record FastFitOptions(double l2, double momentum, double weightDecay) {

  /** Validates. Immutable and thread-safe. */
  public FastFitOptions {
    if (!(l2 >= 0 && Double.isFinite(l2))) {
      throw new IllegalArgumentException("l2 = " + l2 + " must be a finite number at least 0");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum = " + momentum + " must be in [0, 1)");
    }
    if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
      throw new IllegalArgumentException("weight decay = " + weightDecay + " must be a finite number at least 0");
    }
  }

  /** No L2, no momentum, no weight decay: exactly what {@link FitSpec}'s optimizer configures. */
  public static FastFitOptions none() {
    return new FastFitOptions(0, 0, 0);
  }

  /** A copy with L2 coefficient {@code x}. */
  public FastFitOptions l2(double x) {
    return new FastFitOptions(x, momentum, weightDecay);
  }

  /** A copy with Nesterov momentum {@code x} (SGD only). */
  public FastFitOptions momentum(double x) {
    return new FastFitOptions(l2, x, weightDecay);
  }

  /** A copy with decoupled weight decay {@code x} (Adam only: AdamW). */
  public FastFitOptions weightDecay(double x) {
    return new FastFitOptions(l2, momentum, x);
  }

  /**
   * Checks that these options fit the optimizer of {@code fit}.
   *
   * @throws IllegalArgumentException naming the option, the optimizer and what would fit
   */
  public void checkAgainst(FitSpec fit) {
    if (momentum > 0 && fit.optimizer() != Optimizer.SGD) {
      throw new IllegalArgumentException("momentum = " + momentum + " needs optimizer sgd, not "
          + fit.optimizer().kerasName() + "; set momentum 0 or use sgd");
    }
    if (weightDecay > 0 && fit.optimizer() != Optimizer.ADAM) {
      throw new IllegalArgumentException("weight decay = " + weightDecay + " needs optimizer adam (AdamW), not "
          + fit.optimizer().kerasName() + "; set weight decay 0 or use adam");
    }
  }

  /** The DL4J updater these options and {@code fit} describe. */
  public IUpdater updater(FitSpec fit) {
    checkAgainst(fit);
    if (momentum > 0) {
      return new Nesterovs(fit.learnRate(), momentum);
    }
    return fit.optimizer().updater(fit.learnRate());
  }

  /** DL4J's regularization of weights (not biases) these options describe; empty for none. */
  public List<Regularization> weightRegularization() {
    List<Regularization> out = new ArrayList<>();
    if (l2 > 0) {
      out.add(new L2Regularization(l2));
    }
    if (weightDecay > 0) {
      out.add(new WeightDecay(weightDecay, true));
    }
    return out;
  }
}
