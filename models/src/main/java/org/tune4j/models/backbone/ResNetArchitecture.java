package org.tune4j.models.backbone;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * The shape of a Keras-style ResNet (v1, bottleneck blocks): stem width, blocks per stage and
 * bottleneck filters per stage. The output of each stage has four times its filters.
 *
 * <p>{@link #of(BackboneFamily)} is a Keras backbone, such as {@link #resnet50()}: stem 64, blocks 3,
 * 4, 6, 3, filters 64, 128, 256, 512. Smaller architectures with the same layer names (for example
 * {@code of(8, List.of(1, 1), List.of(4, 8))}) serve tests and fixtures.
 *
 * @param name a label for logs and the feature cache's key: the family's Keras name, such as
 *     {@code resnet50}, or {@code resnet-custom}
 * @param stemFilters output channels of {@code conv1_conv}
 * @param blocksPerStage bottleneck blocks in stages 2, 3, …, each at least 1
 * @param filtersPerStage bottleneck width of stages 2, 3, …, each at least 1
 */
public record ResNetArchitecture(String name, int stemFilters, List<Integer> blocksPerStage,
    List<Integer> filtersPerStage) {

  /** Validates and copies the lists. */
  public ResNetArchitecture {
    Objects.requireNonNull(name, "name");
    blocksPerStage = List.copyOf(blocksPerStage);
    filtersPerStage = List.copyOf(filtersPerStage);
    if (stemFilters < 1) {
      throw new IllegalArgumentException("stemFilters = " + stemFilters + " must be at least 1");
    }
    if (blocksPerStage.isEmpty() || blocksPerStage.size() != filtersPerStage.size()) {
      throw new IllegalArgumentException("blocksPerStage " + blocksPerStage + " and filtersPerStage "
          + filtersPerStage + " must be non-empty and of the same length (one entry per stage)");
    }
    for (int i = 0; i < blocksPerStage.size(); i++) {
      if (blocksPerStage.get(i) < 1 || filtersPerStage.get(i) < 1) {
        throw new IllegalArgumentException("stage " + (i + 2) + " has " + blocksPerStage.get(i) + " blocks of "
            + filtersPerStage.get(i) + " filters; both must be at least 1");
      }
    }
  }

  /** Keras' ResNet50: 23,587,712 parameters without the top. */
  public static ResNetArchitecture resnet50() {
    return of(BackboneFamily.RESNET50);
  }

  /** The architecture of a Keras backbone, named as Keras names it ({@code resnet101}). */
  public static ResNetArchitecture of(BackboneFamily family) {
    return new ResNetArchitecture(family.kerasName(), family.stemFilters(), family.blocksPerStage(),
        family.filtersPerStage());
  }

  /** A custom architecture with the ResNet layer names, named {@code resnet-custom}. */
  public static ResNetArchitecture of(int stemFilters, List<Integer> blocksPerStage, List<Integer> filtersPerStage) {
    return new ResNetArchitecture("resnet-custom", stemFilters, blocksPerStage, filtersPerStage);
  }

  /** The Keras backbone this architecture is, or empty for a custom one. */
  public Optional<BackboneFamily> family() {
    return Arrays.stream(BackboneFamily.values()).filter(f -> of(f).equals(this)).findFirst();
  }

  /**
   * This architecture's part of the feature cache's key. Written out field by field in the form the
   * record's {@code toString} had when the cache began, so caches made then stay valid whatever this
   * record gains.
   */
  public String cacheIdentity() {
    return "ResNetArchitecture[name=" + name + ", stemFilters=" + stemFilters + ", blocksPerStage=" + blocksPerStage
        + ", filtersPerStage=" + filtersPerStage + "]";
  }

  /** The number of channels the last stage outputs (2,048 for ResNet50). */
  public int outputChannels() {
    return 4 * filtersPerStage.get(filtersPerStage.size() - 1);
  }

  /** The total downsampling factor: 4 from the stem, 2 for every stage after the first. */
  public int downsampling() {
    return 4 << (blocksPerStage.size() - 1);
  }
}
