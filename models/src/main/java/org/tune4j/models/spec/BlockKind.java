package org.tune4j.models.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.QualitativeParameter;
import org.tune4j.tuning.params.Transform;

/**
 * The kinds of block a spec can hold, each with the arguments it takes (kerasnip's block
 * functions). Tunable arguments carry dials' default range.
 */
public enum BlockKind {
  /** The image input: {@code height}, {@code width} (taken from the data when absent), {@code channels}. */
  IMAGE_INPUT("image_input", List.of(
      ArgSpec.fixed("height", ArgType.INT, null),
      ArgSpec.fixed("width", ArgType.INT, null),
      ArgSpec.fixed("channels", ArgType.INT, 3))),
  /**
   * Data augmentation as cached views, right after the image input: {@code views} random views per
   * training image (tunable, 1 to 8), each featurized once; {@code seed} of their randomness (1). The
   * {@code random_*} blocks after it say what a view does.
   */
  AUGMENTATION("augmentation", List.of(
      ArgSpec.tunable("views", ArgType.INT, null,
          () -> NumericParameter.ofInteger("views", "# Augmented Views", 1, 8, Transform.IDENTITY)),
      ArgSpec.fixed("seed", ArgType.INT, 1))),
  /** Keras' RandomFlip: {@code mode} horizontal (default), vertical or horizontal_and_vertical. */
  RANDOM_FLIP("random_flip", List.of(ArgSpec.tunable("mode", ArgType.STRING, "horizontal",
      () -> QualitativeParameter.of("mode", "Flip Mode", List.of("horizontal", "vertical", "horizontal_and_vertical"))))),
  /** Pad-and-crop: shifts by up to {@code padding} pixels (tunable, 0 to 8), zeros filling. */
  RANDOM_CROP("random_crop", List.of(ArgSpec.tunable("padding", ArgType.INT, null,
      () -> NumericParameter.ofInteger("padding", "Crop Padding", 0, 8, Transform.IDENTITY)))),
  /** Keras' RandomRotation: {@code factor} of a full turn (tunable, 0 to 0.25), {@code fill} reflect or constant. */
  RANDOM_ROTATION("random_rotation", List.of(
      ArgSpec.tunable("factor", ArgType.DOUBLE, null, () -> factor("Rotation Factor", 0.25)),
      ArgSpec.fixed("fill", ArgType.STRING, "reflect"))),
  /** Keras' RandomZoom: {@code factor} (tunable, 0 to 0.5), {@code fill} reflect or constant. */
  RANDOM_ZOOM("random_zoom", List.of(
      ArgSpec.tunable("factor", ArgType.DOUBLE, null, () -> factor("Zoom Factor", 0.5)),
      ArgSpec.fixed("fill", ArgType.STRING, "reflect"))),
  /** Keras' RandomContrast: {@code factor} (tunable, 0 to 0.5), values clipped to [{@code value_min}, {@code value_max}] (0, 255). */
  RANDOM_CONTRAST("random_contrast", colourArgs("Contrast Factor")),
  /** Keras' RandomBrightness: {@code factor} (tunable, 0 to 0.5) of [{@code value_min}, {@code value_max}] (0, 255). */
  RANDOM_BRIGHTNESS("random_brightness", colourArgs("Brightness Factor")),
  /** Keras' ResNet50 without its top: {@code weights}, {@code frozen}, {@code pooling} (none/avg/max). */
  RESNET50("resnet50", backboneArgs(List.of())),
  /**
   * Any backbone of {@link BackboneFamily} without its top: {@code model} (its Keras name, such as
   * {@code resnet101} or {@code resnet50v2}; tunable: the qualitative parameter "Base model" over every family, whose id is
   * {@code base_model} when the block is named {@code base}), then the arguments of {@link #RESNET50}.
   */
  BACKBONE("backbone", backboneArgs(List.of(ArgSpec.tunable("model", ArgType.STRING, null,
      () -> QualitativeParameter.of("model", "Base model", BackboneFamily.names()))))),
  /** Flattens the backbone output. */
  FLATTEN("flatten", List.of()),
  /** Averages each channel over height and width. */
  GLOBAL_AVERAGE_POOLING("global_average_pooling", List.of()),
  /** Takes each channel's maximum over height and width. */
  GLOBAL_MAX_POOLING("global_max_pooling", List.of()),
  /** A fully connected layer: {@code units} (dials' hidden_units), {@code activation}. */
  DENSE("dense", List.of(
      ArgSpec.tunable("units", ArgType.INT, null, Parameters::hiddenUnits),
      ArgSpec.tunable("activation", ArgType.STRING, "relu", Parameters::activation))),
  /** Dropout: {@code rate} (dials' dropout). */
  DROPOUT("dropout", List.of(ArgSpec.tunable("rate", ArgType.DOUBLE, null, Parameters::dropout))),
  /** Batch normalization with Keras' defaults. */
  BATCH_NORMALIZATION("batch_normalization", List.of()),
  /** A separate activation: {@code activation}. */
  ACTIVATION("activation", List.of(ArgSpec.tunable("activation", ArgType.STRING, null, Parameters::activation))),
  /** The softmax classification output; its width is the number of classes in the data. */
  SOFTMAX_OUTPUT("softmax_output", List.of());

  private final String kerasName;
  private final List<ArgSpec> args;

  BlockKind(String kerasName, List<ArgSpec> args) {
    this.kerasName = kerasName;
    this.args = args;
  }

  /** The kind's name in specs and JSON, e.g. {@code dense}. */
  public String kerasName() {
    return kerasName;
  }

  /** The argument names this kind takes, in order. */
  public List<String> argNames() {
    return args.stream().map(ArgSpec::name).toList();
  }

  List<ArgSpec> args() {
    return args;
  }

  ArgSpec arg(String name) {
    for (ArgSpec a : args) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("block kind " + kerasName + " has no argument \"" + name + "\"; it takes "
        + (args.isEmpty() ? "no arguments" : argNames()));
  }

  /** Whether this kind is a backbone ({@link #RESNET50} or {@link #BACKBONE}). */
  public boolean isBackbone() {
    return this == RESNET50 || this == BACKBONE;
  }

  /** The arguments of a backbone block: {@code first}, then weights, frozen and pooling. */
  private static List<ArgSpec> backboneArgs(List<ArgSpec> first) {
    List<ArgSpec> args = new ArrayList<>(first);
    args.add(ArgSpec.fixed("weights", ArgType.WEIGHTS, null));
    args.add(ArgSpec.fixed("frozen", ArgType.BOOLEAN, true));
    args.add(ArgSpec.tunable("pooling", ArgType.STRING, "none",
        () -> QualitativeParameter.of("pooling", "Backbone pooling", List.of("none", "avg", "max"))));
    return List.copyOf(args);
  }

  /** Whether this kind is {@link #AUGMENTATION} or one of the {@code random_*} view transforms. */
  public boolean isAugmentation() {
    return this == AUGMENTATION || isViewTransform();
  }

  /** Whether this kind is one of the {@code random_*} view transforms. */
  public boolean isViewTransform() {
    return this == RANDOM_FLIP || this == RANDOM_CROP || this == RANDOM_ROTATION || this == RANDOM_ZOOM
        || this == RANDOM_CONTRAST || this == RANDOM_BRIGHTNESS;
  }

  private static NumericParameter factor(String label, double upper) {
    return NumericParameter.ofDouble("factor", label, 0, upper, Transform.IDENTITY);
  }

  private static List<ArgSpec> colourArgs(String label) {
    return List.of(ArgSpec.tunable("factor", ArgType.DOUBLE, null, () -> factor(label, 0.5)),
        ArgSpec.fixed("value_min", ArgType.DOUBLE, 0.0),
        ArgSpec.fixed("value_max", ArgType.DOUBLE, 255.0));
  }

  /** Whether blocks of this kind may be repeated with {@code num_<block>}. */
  public boolean repeatable() {
    return this == DENSE || this == DROPOUT || this == BATCH_NORMALIZATION || this == ACTIVATION;
  }

  /**
   * Parses a kind's name.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static BlockKind parse(String name) {
    for (BlockKind k : values()) {
      if (k.kerasName.equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("block kind \"" + name + "\" is not known; choose from: "
        + java.util.Arrays.stream(values()).map(BlockKind::kerasName).toList());
  }
}
