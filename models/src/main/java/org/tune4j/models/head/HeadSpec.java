package org.tune4j.models.head;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.activations.Activation;

/**
 * A trainable classification head: how the backbone output becomes a vector, then hidden layers
 * (dense, dropout, batch normalization, activation) in order, then the softmax output.
 *
 * <pre>{@code
 * HeadSpec vignette = HeadSpec.flatten();                                   // flatten → softmax
 * HeadSpec tuned = HeadSpec.globalAveragePooling().dense(64, "relu").dropout(0.25);
 * }</pre>
 *
 * @param input how the backbone's output becomes a vector
 * @param layers the hidden layers, in order (may be empty)
 */
public record HeadSpec(HeadInput input, List<HeadLayer> layers) {

  /** Validates and copies. */
  public HeadSpec {
    Objects.requireNonNull(input, "input");
    layers = List.copyOf(layers);
  }

  /** The vignette's head: flatten, then the softmax output. */
  public static HeadSpec flatten() {
    return new HeadSpec(HeadInput.FLATTEN, List.of());
  }

  /** Global average pooling, then the softmax output. */
  public static HeadSpec globalAveragePooling() {
    return new HeadSpec(HeadInput.GLOBAL_AVERAGE_POOLING, List.of());
  }

  /** Global max pooling, then the softmax output. */
  public static HeadSpec globalMaxPooling() {
    return new HeadSpec(HeadInput.GLOBAL_MAX_POOLING, List.of());
  }

  /** A copy with one more layer at the end. */
  public HeadSpec then(HeadLayer layer) {
    List<HeadLayer> more = new ArrayList<>(layers);
    more.add(Objects.requireNonNull(layer, "layer"));
    return new HeadSpec(input, more);
  }

  /** A copy with a dense layer of {@code units} units and the named activation appended. */
  public HeadSpec dense(int units, String activation) {
    return then(new HeadLayer.Dense(units, activation));
  }

  /** A copy with a dense layer appended, for DL4J's activation enum. */
  public HeadSpec dense(int units, Activation activation) {
    return dense(units, Activations.nameOf(activation));
  }

  /** A copy with dropout at Keras' {@code rate} appended. */
  public HeadSpec dropout(double rate) {
    return then(new HeadLayer.Dropout(rate));
  }

  /** A copy with batch normalization appended. */
  public HeadSpec batchNorm() {
    return then(new HeadLayer.BatchNorm());
  }
}
