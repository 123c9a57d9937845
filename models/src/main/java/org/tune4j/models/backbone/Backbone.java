package org.tune4j.models.backbone;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.weights.KerasWeightsLoader;
import org.tune4j.models.weights.Weights;

/**
 * A frozen, pretrained-style image backbone: a Keras-compatible ResNet without its top.
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
 * }</pre>
 */
public final class Backbone {
  /** Keras' smallest ResNet50 input side. */
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
    return new Backbone(ResNetArchitecture.resnet50(), weights, Pooling.NONE, 224, 224);
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

  /** The DL4J configuration of this backbone (NCHW, Keras layer names). */
  public ComputationGraphConfiguration configuration() {
    long seed = weights instanceof Weights.Random r ? r.seed() : 0L;
    return ResNetGraphBuilder.build(architecture, pooling, height, width, seed);
  }

  /**
   * Builds the network and sets its weights: initialised from the seed, or loaded from the file.
   *
   * @throws IllegalArgumentException when the weights file is missing, corrupt or does not fit
   */
  public BackboneNetwork build() {
    NativeBackend.initialize();
    ComputationGraph graph = new ComputationGraph(configuration());
    graph.init();
    if (weights instanceof Weights.KerasFile f) {
      KerasWeightsLoader.load(graph, f.path());
    }
    return new BackboneNetwork(this, graph);
  }
}
