package org.tune4j.models.head;

import java.util.Objects;

/**
 * One layer of a trainable head, between its input vector and the softmax output.
 * Implementations are immutable records.
 */
public sealed interface HeadLayer permits HeadLayer.Dense, HeadLayer.Dropout, HeadLayer.BatchNorm,
    HeadLayer.ActivationLayer {

  /**
   * A fully connected layer ({@code layer_dense}).
   *
   * @param units output width, at least 1
   * @param activation an activation name of {@link Activations#NAMES}
   */
  record Dense(int units, String activation) implements HeadLayer {
    /** Validates. */
    public Dense {
      if (units < 1) {
        throw new IllegalArgumentException("dense units = " + units + " must be at least 1");
      }
      Activations.toDl4j(activation);
    }
  }

  /**
   * Dropout at Keras' {@code rate}: the share of units dropped while training.
   *
   * @param rate in {@code [0, 1)}
   */
  record Dropout(double rate) implements HeadLayer {
    /** Validates. */
    public Dropout {
      if (!(rate >= 0 && rate < 1)) {
        throw new IllegalArgumentException("dropout rate = " + rate + " must be in [0, 1)");
      }
    }
  }

  /** Batch normalization with Keras' defaults (momentum 0.99, epsilon 0.001). */
  record BatchNorm() implements HeadLayer {}

  /**
   * A separate activation ({@code layer_activation}).
   *
   * @param activation an activation name of {@link Activations#NAMES}
   */
  record ActivationLayer(String activation) implements HeadLayer {
    /** Validates. */
    public ActivationLayer {
      Objects.requireNonNull(activation, "activation");
      Activations.toDl4j(activation);
    }
  }
}
