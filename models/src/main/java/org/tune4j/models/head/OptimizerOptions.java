package org.tune4j.models.head;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The optimizer's extras, part of a {@link FitSpec}, each with its exact DL4J counterpart (the fast trainer is
 * tested against it):
 *
 * <ul>
 *   <li>{@code l2}: DL4J's {@code l2(x)} ({@link L2Regularization}): {@code gradient += l2 * W} on dense and
 *       output weights (not biases, not batch-norm parameters) before the updater. Keras' {@code
 *       regularizer_l2(k)} is {@code l2 = 2k}.
 *   <li>{@code momentum}: with {@link Optimizer#SGD}, SGD with Nesterov momentum (Keras' {@code
 *       optimizer_sgd(momentum = m, nesterov = TRUE)}), DL4J's {@link Nesterovs}.
 *   <li>{@code weightDecay}: decoupled weight decay, DL4J's {@link WeightDecay} applied after the updater and
 *       scaled by the learning rate ({@code update += lr * wd * W}) on dense and output weights, as Keras 3's
 *       {@code weight_decay} argument of every optimizer; Adam with weight decay is AdamW.
 * </ul>
 *
 * <pre>{@code
 * FitSpec adamW = FitSpec.defaults().weightDecay(1e-4);
 * FitSpec nesterov = FitSpec.defaults().optimizer(Optimizer.SGD).momentum(0.9);
 * }</pre>
 *
 * @param l2 L2 coefficient on weights, 0 for none
 * @param momentum Nesterov momentum for SGD in {@code [0, 1)}, 0 for plain SGD
 * @param weightDecay decoupled weight decay, 0 for none
 */
public record OptimizerOptions(double l2, double momentum, double weightDecay) {

  /** Validates. Immutable and thread-safe. */
  public OptimizerOptions {
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

  /** No L2, no momentum, no weight decay. */
  public static OptimizerOptions none() {
    return new OptimizerOptions(0, 0, 0);
  }

  /** A copy with L2 coefficient {@code x}. */
  public OptimizerOptions l2(double x) {
    return new OptimizerOptions(x, momentum, weightDecay);
  }

  /** A copy with Nesterov momentum {@code x} (SGD only). */
  public OptimizerOptions momentum(double x) {
    return new OptimizerOptions(l2, x, weightDecay);
  }

  /** A copy with decoupled weight decay {@code x}. */
  public OptimizerOptions weightDecay(double x) {
    return new OptimizerOptions(l2, momentum, x);
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
