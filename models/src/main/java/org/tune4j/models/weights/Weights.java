package org.tune4j.models.weights;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a backbone's weights come from: random with an explicit seed, a Keras weights file, or
 * Keras' published ImageNet weights, found or downloaded when the backbone is built.
 *
 * <p>Values are immutable records, thread-safe; none touches the disk or the network until a
 * backbone is built.
 *
 * <pre>{@code
 * Weights w = Weights.file(Path.of("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"));
 * Weights r = Weights.random(42);
 * Weights i = Weights.imagenet();     // ~/.keras/models, ~/.tune4j/weights, or downloaded
 * }</pre>
 */
public sealed interface Weights permits Weights.Random, Weights.KerasFile, Weights.ImageNet {

  /** Random weights (Keras' initializers: Glorot-uniform kernels, zero biases, identity BatchNorm). */
  static Weights random(long seed) {
    return new Random(seed);
  }

  /**
   * Weights read from a Keras HDF5 weights file, every layer matched by name; when the file has the
   * published name of a known Keras file its md5 is checked.
   */
  static Weights file(Path path) {
    return new KerasFile(path);
  }

  /**
   * Keras' ImageNet weights without the top of the backbone they are given to (ResNet50, ResNet101, …;
   * see {@link org.tune4j.models.zoo.BackboneFamily}), resolved when the backbone is built:
   * {@code ~/.keras/models/}, then tune4j's cache ({@code ~/.tune4j/weights/}), else downloaded into
   * that cache and verified; see {@link ImageNetWeights}.
   */
  static Weights imagenet() {
    return new ImageNet();
  }

  /** One line for logs and the demo: what these weights are. */
  String describe();

  /**
   * Random weights.
   *
   * @param seed the seed of the initializers
   */
  record Random(long seed) implements Weights {
    @Override
    public String describe() {
      return "random frozen weights (seed " + seed + ")";
    }
  }

  /**
   * A Keras {@code .h5} weights file.
   *
   * @param path the file
   */
  record KerasFile(Path path) implements Weights {
    /** Requires a path. */
    public KerasFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "Keras weights from " + path;
    }
  }

  /**
   * Keras' published ImageNet weights of the backbone they are given to ({@link PublishedWeights#of}), found or
   * downloaded by {@link ImageNetWeights} when the backbone is built.
   */
  record ImageNet() implements Weights {
    @Override
    public String describe() {
      return "Keras ImageNet weights (the backbone's published notop file)";
    }
  }
}
