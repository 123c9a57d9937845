package org.tune4j.models.head;

import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimizers a head trains with (kerasnip's {@code compile_optimizer}). */
public enum Optimizer {
  /** Adam with Keras' betas 0.9 / 0.999 and epsilon 1e-7. */
  ADAM("adam"),
  /** Plain stochastic gradient descent. */
  SGD("sgd"),
  /** RMSprop with Keras' rho 0.9 and epsilon 1e-7. */
  RMSPROP("rmsprop");

  private final String kerasName;

  Optimizer(String kerasName) {
    this.kerasName = kerasName;
  }

  /** Keras' name. */
  public String kerasName() {
    return kerasName;
  }

  /** DL4J's updater at learning rate {@code learnRate}. */
  public IUpdater updater(double learnRate) {
    switch (this) {
      case ADAM: return new Adam(learnRate, 0.9, 0.999, 1e-7);
      case SGD: return new Sgd(learnRate);
      case RMSPROP: return new RmsProp(learnRate, 0.9, 1e-7);
      default: throw new IllegalStateException("unknown optimizer " + this);
    }
  }

  /**
   * Parses Keras' names.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static Optimizer parse(String name) {
    for (Optimizer o : values()) {
      if (o.kerasName.equals(String.valueOf(name).trim().toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw new IllegalArgumentException("optimizer \"" + name + "\" is not known; choose from: adam, sgd, rmsprop");
  }
}
