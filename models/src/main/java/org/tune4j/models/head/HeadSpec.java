package org.tune4j.models.head;

import java.util.Objects;
import org.nd4j.linalg.activations.Activation;

/**
 * A trainable classification head: input reduction → optional dense layer → optional dropout →
 * softmax output, the vignette's head and its usual extension.
 *
 * @param input how the backbone's output becomes a vector
 * @param denseUnits units of the hidden dense layer; 0 for none (the vignette: flatten → softmax)
 * @param denseActivation activation of the dense layer
 * @param dropoutRate the fraction of units dropped during training (Keras' {@code rate}), in
 *     {@code [0, 1)}; 0 for no dropout
 */
public record HeadSpec(HeadInput input, int denseUnits, Activation denseActivation, double dropoutRate) {

  /** Validates the values. */
  public HeadSpec {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(denseActivation, "denseActivation");
    if (denseUnits < 0) {
      throw new IllegalArgumentException("dense units = " + denseUnits + " must be at least 1 (or 0 for no dense layer)");
    }
    if (!(dropoutRate >= 0 && dropoutRate < 1)) {
      throw new IllegalArgumentException("dropout rate = " + dropoutRate + " must be in [0, 1)");
    }
  }

  /** The vignette's head: flatten, then the softmax output. */
  public static HeadSpec flatten() {
    return new HeadSpec(HeadInput.FLATTEN, 0, Activation.RELU, 0);
  }

  /** Global average pooling, then the softmax output. */
  public static HeadSpec globalAveragePooling() {
    return new HeadSpec(HeadInput.GLOBAL_AVERAGE_POOLING, 0, Activation.RELU, 0);
  }

  /** A copy with a hidden dense layer of {@code units} units. */
  public HeadSpec dense(int units, Activation activation) {
    if (units < 1) {
      throw new IllegalArgumentException("dense units = " + units + " must be at least 1");
    }
    return new HeadSpec(input, units, activation, dropoutRate);
  }

  /** A copy with dropout at {@code rate} after the hidden layer (or after the input without one). */
  public HeadSpec dropout(double rate) {
    return new HeadSpec(input, denseUnits, denseActivation, rate);
  }
}
