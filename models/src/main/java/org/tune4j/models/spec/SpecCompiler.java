package org.tune4j.models.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.head.EarlyStopping;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.OptimizerOptions;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.head.HeadLayer;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.Optimizer;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * Turns a final {@link ModelSpec} into the {@link TransferModel} that trains it: the chain image
 * input → optional augmentation blocks ({@link #augmentation}) → backbone → optional flatten or global
 * pooling → hidden blocks (repeats expanded)
 * → softmax output. When the backbone is frozen, the cut between the frozen prefix and the
 * trainable head is where the backbone (and its reduction) ends; a trainable backbone
 * ({@code frozen = false}) gives a model that cannot be cut and trains on the plain path
 * ({@link TransferModel#plainPathReason()}). Stateless.
 */
public final class SpecCompiler {
  private SpecCompiler() {}

  /**
   * Compiles a spec for images of {@code height × width}.
   *
   * @param seed the seed of the head's weights, shuffling and dropout
   * @throws IllegalArgumentException naming the block when the spec still has {@code tune()}, does
   *     not fit the images, or has a shape this path cannot train
   */
  public static TransferModel compile(ModelSpec spec, int height, int width, long seed) {
    if (!spec.isFinal()) {
      throw new SpecCompileException("spec \"" + spec.name() + "\" still tunes " + spec.parameters().ids()
          + "; finalize it with values first (spec.finalize(...))");
    }
    SpecStructure.validate(spec);
    List<Map.Entry<String, Block>> chain = expandedChain(spec);
    String where = "spec \"" + spec.name() + "\": ";
    Block input = chain.get(0).getValue();
    checkInputSize(where, input, height, width);
    boolean augmented = AugmentationBlocks.of(where, chain).isPresent();
    int i = 1;
    while (i < chain.size() && chain.get(i).getValue().kind().isAugmentation()) {
      i++;
    }
    if (i >= chain.size() || !chain.get(i).getValue().kind().isBackbone()) {
      throw new SpecCompileException(where + "the block after the input must be a backbone (Blocks.resnet50 or"
          + " Blocks.backbone(name, weights)); found "
          + (i < chain.size() ? chain.get(i).getValue().kind().kerasName() : "nothing"));
    }
    Block base = chain.get(i).getValue();
    boolean frozen = Boolean.TRUE.equals(base.arg("frozen"));
    if (augmented && !frozen) {
      throw new SpecCompileException(where + "augmentation views are featurized through a frozen backbone once each,"
          + " but backbone \"" + chain.get(i).getKey() + "\" is trainable; freeze it (frozen = true) or remove the"
          + " augmentation blocks");
    }
    Pooling pooling = Pooling.parse((String) base.arg("pooling"));
    Backbone backbone = Backbone.of(familyOf(where, chain.get(i).getKey(), base), (Weights) base.arg("weights"))
        .inputSize(height, width).pooling(pooling);
    i++;
    HeadInput reduction = null;
    if (i < chain.size() && reductionOf(chain.get(i).getValue().kind()) != null) {
      reduction = reductionOf(chain.get(i).getValue().kind());
      i++;
    }
    if (reduction == null) {
      if (pooling == Pooling.NONE) {
        throw new SpecCompileException(where + "the backbone's output is 4-D (pooling \"none\") but the next block"
            + " needs a vector; add Blocks.flatten() or Blocks.globalAveragePooling() after it, or set its pooling");
      }
      reduction = HeadInput.FLATTEN;
    } else if (reduction != HeadInput.FLATTEN && pooling != Pooling.NONE) {
      throw new SpecCompileException(where + "block \"" + chain.get(i - 1).getKey() + "\" pools the backbone's"
          + " output, but the backbone already pools it (pooling \"" + pooling.kerasName() + "\"); set the backbone's"
          + " pooling to \"none\" or use flatten");
    }
    List<HeadLayer> layers = new ArrayList<>();
    for (; i < chain.size() - 1; i++) {
      layers.add(headLayer(where, chain.get(i).getKey(), chain.get(i).getValue()));
    }
    FitSpec fit;
    try {
      fit = fitSpec(spec, seed);
      EarlyStopping.requireValidation(fit);
    } catch (IllegalArgumentException e) {
      throw new SpecCompileException(where + e.getMessage(), e);
    }
    return TransferModel.of(backbone, new HeadSpec(reduction, layers), fit).frozenBackbone(frozen);
  }

  /**
   * The augmentation of a final spec: its {@code augmentation} block's views and seed and the {@code random_*}
   * blocks after it, or empty when it has none.
   *
   * @throws SpecCompileException naming the block when an augmentation block is misplaced or has a bad value
   */
  public static java.util.Optional<org.tune4j.models.augment.Augmentation> augmentation(ModelSpec spec) {
    if (!spec.isFinal()) {
      throw new SpecCompileException("spec \"" + spec.name() + "\" still tunes " + spec.parameters().ids()
          + "; finalize it with values first (spec.finalize(...))");
    }
    return AugmentationBlocks.of("spec \"" + spec.name() + "\": ", expandedChain(spec));
  }

  /**
   * Why the models of {@code spec} cannot be cut into a cached frozen prefix and a trainable head,
   * naming the block ({@code its backbone "base" is trainable}), or empty when they can. Models
   * that cannot be cut train the whole graph on the images (the plain path).
   */
  public static java.util.Optional<String> plainPathReason(ModelSpec spec) {
    for (Map.Entry<String, Block> e : expandedChain(spec)) {
      if (e.getValue().kind().isBackbone() && !Boolean.TRUE.equals(e.getValue().arg("frozen"))) {
        return java.util.Optional.of("its backbone \"" + e.getKey() + "\" is trainable");
      }
    }
    return java.util.Optional.empty();
  }

  /** The family of backbone block {@code name}: ResNet50 for a resnet50 block, else the one its model names. */
  private static BackboneFamily familyOf(String where, String name, Block base) {
    if (base.kind() == BlockKind.RESNET50) {
      return BackboneFamily.RESNET50;
    }
    try {
      return BackboneFamily.parse((String) base.arg("model"));
    } catch (IllegalArgumentException e) {
      throw new SpecCompileException(where + "block \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private static void checkInputSize(String where, Block input, int height, int width) {
    Object h = input.arg("height");
    Object w = input.arg("width");
    if ((h != null && (Integer) h != height) || (w != null && (Integer) w != width)) {
      throw new SpecCompileException(where + "the image input is " + h + "×" + w + " but the images are "
          + height + "×" + width + "; resize or pad the images, or leave the input size to the data (Blocks.imageInput())");
    }
  }

  private static HeadInput reductionOf(BlockKind kind) {
    switch (kind) {
      case FLATTEN: return HeadInput.FLATTEN;
      case GLOBAL_AVERAGE_POOLING: return HeadInput.GLOBAL_AVERAGE_POOLING;
      case GLOBAL_MAX_POOLING: return HeadInput.GLOBAL_MAX_POOLING;
      default: return null;
    }
  }

  private static HeadLayer headLayer(String where, String name, Block b) {
    try {
      switch (b.kind()) {
        case DENSE: return new HeadLayer.Dense((Integer) b.arg("units"), (String) b.arg("activation"));
        case DROPOUT: return new HeadLayer.Dropout((Double) b.arg("rate"));
        case BATCH_NORMALIZATION: return new HeadLayer.BatchNorm();
        case ACTIVATION: return new HeadLayer.ActivationLayer((String) b.arg("activation"));
        default:
          throw new SpecCompileException(b.kind().kerasName() + " cannot stand here; flatten and global pooling"
              + " go right after the backbone, and the head holds dense, dropout, batch_normalization and activation");
      }
    } catch (IllegalArgumentException e) {
      throw new SpecCompileException(where + "block \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private static FitSpec fitSpec(ModelSpec spec, long seed) {
    Map<String, Object> f = spec.fitArgs().settings.values();
    Map<String, Object> c = spec.compileArgs().settings.values();
    return new FitSpec((Integer) f.get("epochs"), (Integer) f.get("batch_size"), (Double) f.get("validation_split"),
        (Double) c.get("learn_rate"), seed, Optimizer.parse((String) c.get("optimizer")), (Integer) f.get("patience"),
        new OptimizerOptions((Double) c.get("l2"), (Double) c.get("momentum"), (Double) c.get("weight_decay")));
  }

  /** The blocks from input to output, each repeated block listed as often as it repeats. */
  static List<Map.Entry<String, Block>> expandedChain(ModelSpec spec) {
    List<String> path = new ArrayList<>();
    String cursor = ModelSpec.OUTPUT;
    while (cursor != null) {
      path.add(cursor);
      List<String> in = spec.inputsOf(cursor);
      cursor = in.isEmpty() ? null : in.get(0);
    }
    Collections.reverse(path);
    List<Map.Entry<String, Block>> out = new ArrayList<>();
    for (String name : path) {
      Block b = spec.blocks().get(name);
      int times = (Integer) b.repeat();
      for (int k = 0; k < times; k++) {
        out.add(Map.entry(times == 1 ? name : name + "_" + (k + 1), b));
      }
    }
    return out;
  }
}
