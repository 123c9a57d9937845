package org.tune4j.models.spec;

import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.spec.Tunable;

/**
 * Factories for the blocks of a {@link ModelSpec}, one per kind, with kerasnip's argument names.
 * Every argument accepts a value or {@link org.tune4j.tuning.spec.Tunable#tune()}. Stateless.
 *
 * <pre>{@code
 * Blocks.resnet50(Weights.random(42))           // frozen, pooling "none"
 * Blocks.backbone("resnet101", Weights.imagenet()) // any BackboneFamily by its Keras name
 * Blocks.backbone(tune(), Weights.imagenet())      // the backbone tuned: base_model in a block named "base"
 * Blocks.dense(tune(), "relu")                  // dense_units is tuned
 * Blocks.dropout(tune("drop"))                  // parameter id "drop"
 * Blocks.augmentation(tune())                   // augment_views, with Blocks.randomFlip("horizontal") after it
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

  /**
   * Data augmentation as cached views with {@code views} views per training image (a number or
   * {@code tune()}: {@code <block>_views}), seed 1; put it right after the image input, followed by the
   * {@code random*} blocks a view applies, then the backbone.
   */
  public static Block augmentation(Object views) {
    return Block.of(BlockKind.AUGMENTATION).with("views", views);
  }

  /** {@link #augmentation(Object)} with the views' seed. */
  public static Block augmentation(Object views, int seed) {
    return augmentation(views).with("seed", seed);
  }

  /** Keras' RandomFlip: {@code "horizontal"}, {@code "vertical"}, {@code "horizontal_and_vertical"} or {@code tune()}. */
  public static Block randomFlip(Object mode) {
    return Block.of(BlockKind.RANDOM_FLIP).with("mode", mode);
  }

  /** Pad-and-crop: a shift of up to {@code padding} pixels each way, zeros filling. */
  public static Block randomCrop(Object padding) {
    return Block.of(BlockKind.RANDOM_CROP).with("padding", padding);
  }

  /** Keras' RandomRotation by up to {@code factor} of a full turn, reflect fill ({@code .with("fill", "constant")} for zeros). */
  public static Block randomRotation(Object factor) {
    return Block.of(BlockKind.RANDOM_ROTATION).with("factor", factor);
  }

  /** Keras' RandomZoom by up to {@code factor} in and out, reflect fill. */
  public static Block randomZoom(Object factor) {
    return Block.of(BlockKind.RANDOM_ZOOM).with("factor", factor);
  }

  /**
   * Keras' RandomContrast by up to {@code factor}, on pixels in [0, 255] ({@code .with("value_max", 1.0)} for
   * scaled pixels).
   */
  public static Block randomContrast(Object factor) {
    return Block.of(BlockKind.RANDOM_CONTRAST).with("factor", factor);
  }

  /** Keras' RandomBrightness by up to {@code factor} of the value range [0, 255] ({@code value_min}, {@code value_max}). */
  public static Block randomBrightness(Object factor) {
    return Block.of(BlockKind.RANDOM_BRIGHTNESS).with("factor", factor);
  }

  /** Keras' ResNet50 without its top, frozen, no pooling; {@code .with("pooling", "avg")} to pool. */
  public static Block resnet50(Weights weights) {
    return Block.of(BlockKind.RESNET50).with("weights", weights);
  }

  /**
   * The backbone Keras calls {@code model} ({@code resnet50}, {@code resnet101}, {@code resnet152},
   * {@code resnet50v2}, {@code resnet101v2}, {@code resnet152v2}: see {@link BackboneFamily}) without
   * its top, frozen, no pooling.
   *
   * @throws IllegalArgumentException naming the value and the choices when no family has that name
   */
  public static Block backbone(String model, Weights weights) {
    return backbone(BackboneFamily.parse(model), weights);
  }

  /**
   * The backbone {@code family} without its top, frozen, no pooling. ResNet50 gives {@link #resnet50}'s
   * block (kind {@code resnet50}, as specs have always written it); the others a {@code backbone} block
   * whose {@code model} names the family.
   */
  public static Block backbone(BackboneFamily family, Weights weights) {
    if (family == BackboneFamily.RESNET50) {
      return resnet50(weights);
    }
    return Block.of(BlockKind.BACKBONE).with("model", family.kerasName()).with("weights", weights);
  }

  /**
   * A backbone whose family is tuned: the block's {@code model} is the qualitative parameter "Base model",
   * whose values are every {@link BackboneFamily}'s Keras name unless the spec's ranges narrow them. Named
   * {@code base}, its parameter id is {@code base_model}. Each backbone a grid holds is featurized once.
   *
   * @param model {@code tune()} or {@code tune("id")}
   * @param weights random or ImageNet weights: every family resolves them for itself
   * @throws IllegalArgumentException for a weights file, which fits one family only
   */
  public static Block backbone(Tunable model, Weights weights) {
    if (weights instanceof Weights.KerasFile f) {
      throw new IllegalArgumentException("a tuned backbone cannot take the weights file " + f.path()
          + ": a file holds the weights of one model; give Weights.imagenet() (each model's published file) or"
          + " Weights.random(seed), or fix the model");
    }
    return Block.of(BlockKind.BACKBONE).with("model", model).with("weights", weights);
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
