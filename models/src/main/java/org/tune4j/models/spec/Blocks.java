package org.tune4j.models.spec;

import org.tune4j.models.weights.Weights;

/**
 * Factories for the blocks of a {@link ModelSpec}, one per kind, with kerasnip's argument names.
 * Every argument accepts a value or {@link org.tune4j.tuning.spec.Tunable#tune()}. Stateless.
 *
 * <pre>{@code
 * Blocks.resnet50(Weights.random(42))           // frozen, pooling "none"
 * Blocks.dense(tune(), "relu")                  // dense_units is tuned
 * Blocks.dropout(tune("drop"))                  // parameter id "drop"
 * }</pre>
 */
public final class Blocks {
  private Blocks() {}

  /** An image input whose size is taken from the data. */
  public static Block imageInput() {
    return Block.of(BlockKind.IMAGE_INPUT);
  }

  /** An image input of {@code height × width} with 3 channels. */
  public static Block imageInput(int height, int width) {
    return Block.of(BlockKind.IMAGE_INPUT).with("height", height).with("width", width);
  }

  /** Keras' ResNet50 without its top, frozen, no pooling; {@code .with("pooling", "avg")} to pool. */
  public static Block resnet50(Weights weights) {
    return Block.of(BlockKind.RESNET50).with("weights", weights);
  }

  /** Flatten. */
  public static Block flatten() {
    return Block.of(BlockKind.FLATTEN);
  }

  /** Global average pooling. */
  public static Block globalAveragePooling() {
    return Block.of(BlockKind.GLOBAL_AVERAGE_POOLING);
  }

  /** Global max pooling. */
  public static Block globalMaxPooling() {
    return Block.of(BlockKind.GLOBAL_MAX_POOLING);
  }

  /** A dense layer with ReLU. */
  public static Block dense(Object units) {
    return Block.of(BlockKind.DENSE).with("units", units);
  }

  /** A dense layer with the named activation (or {@code tune()}). */
  public static Block dense(Object units, Object activation) {
    return dense(units).with("activation", activation);
  }

  /** Dropout at Keras' {@code rate}. */
  public static Block dropout(Object rate) {
    return Block.of(BlockKind.DROPOUT).with("rate", rate);
  }

  /** Batch normalization. */
  public static Block batchNormalization() {
    return Block.of(BlockKind.BATCH_NORMALIZATION);
  }

  /** A separate activation. */
  public static Block activation(Object activation) {
    return Block.of(BlockKind.ACTIVATION).with("activation", activation);
  }

  /** The softmax output, as wide as the data has classes. */
  public static Block softmaxOutput() {
    return Block.of(BlockKind.SOFTMAX_OUTPUT);
  }
}
