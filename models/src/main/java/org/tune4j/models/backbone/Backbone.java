package org.tune4j.models.backbone;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.weights.ImageNetWeights;
import org.tune4j.models.weights.KerasWeightsLoader;
import org.tune4j.models.weights.PublishedWeights;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * A frozen, pretrained-style image backbone: a Keras-compatible ResNet without its top, one of the
 * {@link BackboneFamily} (ResNet50, ResNet101, ResNet152, ResNet50V2, ResNet101V2, ResNet152V2) or a
 * custom {@link ResNetArchitecture}.
 *
 * <p>Describes what to build (architecture, weights, pooling, input size); {@link #build()} makes
 * the {@link BackboneNetwork}. Frozen means the backbone runs in inference mode (BatchNorm uses its
 * stored statistics) and is never trained. Inputs are 3-channel images of at least 32×32 (Keras'
 * minimum); grey images are replicated to three channels before they reach it.
 *
 * <p>Immutable and thread-safe; {@code with…} methods return changed copies.
 *
 * <pre>{@code
 * BackboneNetwork net = Backbone.resnet50(Weights.random(42)).pooling(Pooling.AVG).inputSize(32, 32).build();
 * Backbone deeper = Backbone.of(BackboneFamily.RESNET152, Weights.imagenet()).inputSize(224, 224);
 * Backbone preact = Backbone.of(BackboneFamily.parse("resnet50v2"), Weights.imagenet());
 * }</pre>
 */
public final class Backbone {
  /** Keras' smallest ResNet input side. */
  public static final int MIN_INPUT_SIZE = 32;

  private final ResNetArchitecture architecture;
  private final Weights weights;
  private final Pooling pooling;
  private final int height;
  private final int width;

  private Backbone(ResNetArchitecture architecture, Weights weights, Pooling pooling, int height, int width) {
    this.architecture = Objects.requireNonNull(architecture, "architecture");
    this.weights = Objects.requireNonNull(weights, "weights");
    this.pooling = Objects.requireNonNull(pooling, "pooling");
    if (height < MIN_INPUT_SIZE || width < MIN_INPUT_SIZE) {
      throw new IllegalArgumentException("input size " + height + "×" + width + " is below ResNet's minimum of "
          + MIN_INPUT_SIZE + "×" + MIN_INPUT_SIZE + "; pad the images (ImageTransforms.padTo) first");
    }
    this.height = height;
    this.width = width;
  }

  /** Keras' ResNet50 without its top, 224×224 input, no pooling (Keras' defaults). */
  public static Backbone resnet50(Weights weights) {
    return of(BackboneFamily.RESNET50, weights);
  }

  /** A Keras backbone without its top, 224×224 input, no pooling (Keras' defaults). */
  public static Backbone of(BackboneFamily family, Weights weights) {
    return resnet(ResNetArchitecture.of(family), weights);
  }

  /** A backbone of any ResNet architecture with Keras' layer names (for small tests and fixtures). */
  public static Backbone resnet(ResNetArchitecture architecture, Weights weights) {
    return new Backbone(architecture, weights, Pooling.NONE, 224, 224);
  }

  /** A copy with Keras' {@code pooling} choice. */
  public Backbone pooling(Pooling newPooling) {
    return new Backbone(architecture, weights, newPooling, height, width);
  }

  /** A copy for inputs of the given size (at least 32×32). */
  public Backbone inputSize(int newHeight, int newWidth) {
    return new Backbone(architecture, weights, pooling, newHeight, newWidth);
  }

  /** A copy with other weights. */
  public Backbone weights(Weights newWeights) {
    return new Backbone(architecture, newWeights, pooling, height, width);
  }

  /** The architecture. */
  public ResNetArchitecture architecture() {
    return architecture;
  }

  /** The Keras backbone this is, or empty for a custom architecture. */
  public Optional<BackboneFamily> family() {
    return architecture.family();
  }

  /**
   * Whether the fused inference plan runs this backbone: as its family says; a custom architecture, v1
   * or v2, it runs.
   */
  public boolean hasFusedPlan() {
    return family().map(BackboneFamily::hasFusedPlan).orElse(true);
  }

  /** The weights source. */
  public Weights weights() {
    return weights;
  }

  /** The pooling after the last stage. */
  public Pooling pooling() {
    return pooling;
  }

  /** Input height. */
  public int height() {
    return height;
  }

  /** Input width. */
  public int width() {
    return width;
  }

  /**
   * Checks that images fit this backbone's input.
   *
   * @throws IllegalArgumentException saying how to make them fit
   */
  public void requireFits(org.tune4j.models.data.ImageSet images) {
    if (images.channels() != 3 || images.height() != height() || images.width() != width()) {
      throw new IllegalArgumentException("images are " + images.channels() + "×" + images.height() + "×"
          + images.width() + " but the backbone takes 3×" + height() + "×" + width()
          + "; use ImageTransforms (padTo, toRgb) or build the backbone with inputSize(" + images.height()
          + ", " + images.width() + ")");
    }
  }

  /**
   * Checks that {@code pixels} holds {@code count} images of this backbone's input, 3 × height × width each.
   *
   * @throws IllegalArgumentException naming the count and the lengths
   */
  public void requireChunk(float[] pixels, int count) {
    long needed = (long) count * 3 * height() * width();
    if (count < 1 || pixels.length < needed) {
      throw new IllegalArgumentException("a chunk of " + count + " images of 3×" + height() + "×" + width() + " needs "
          + needed + " pixel values, got " + pixels.length);
    }
  }

  /** The DL4J configuration of this backbone (NCHW, Keras layer names). */
  public ComputationGraphConfiguration configuration() {
    long seed = weights instanceof Weights.Random r ? r.seed() : 0L;
    return ResNetGraphBuilder.build(architecture, pooling, height, width, seed);
  }

  /**
   * Builds the network and sets its weights: initialised from the seed, loaded from the file, or,
   * for {@link Weights#imagenet()}, loaded from the family's published file that
   * {@link ImageNetWeights#standard()} finds or downloads.
   *
   * @throws IllegalArgumentException when the weights file is missing, corrupt or does not fit, or
   *     ImageNet weights are asked for a custom architecture
   * @throws IllegalStateException when the ImageNet weights are nowhere and cannot be downloaded
   */
  public BackboneNetwork build() {
    return build(ImageNetWeights.standard());
  }

  /** As {@link #build()}, with the ImageNet weights found by {@code imagenet}. */
  public BackboneNetwork build(ImageNetWeights imagenet) {
    Path file = null;
    if (weights instanceof Weights.KerasFile f) {
      file = f.path();
    } else if (weights instanceof Weights.ImageNet) {
      BackboneFamily family = family().orElseThrow(() -> new IllegalArgumentException("Weights.imagenet() holds"
          + " Keras' published weights of " + String.join(", ", BackboneFamily.names()) + " but this backbone is "
          + architecture.name() + "; use Backbone.of(BackboneFamily, weights), or Weights.file(path) /"
          + " Weights.random(seed)"));
      file = imagenet.resolve(PublishedWeights.of(family));   // before the graph: fail fast, without its parameters
    }
    NativeBackend.initialize();
    ComputationGraph graph = new ComputationGraph(configuration());
    graph.init();
    if (file != null) {
      KerasWeightsLoader.load(graph, file);
    }
    return new BackboneNetwork(this, graph);
  }
}
