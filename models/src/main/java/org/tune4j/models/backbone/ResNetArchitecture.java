package org.tune4j.models.backbone;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.models.zoo.ResNetVersion;

/**
 * The shape of a Keras-style ResNet with bottleneck blocks: stem width, blocks per stage, bottleneck
 * filters per stage, and which block it stacks ({@link ResNetVersion}: v1 post-activation or v2
 * pre-activation). The output of each stage has four times its filters.
 *
 * <p>{@link #of(BackboneFamily)} is a Keras backbone, such as {@link #resnet50()}: stem 64, blocks 3,
 * 4, 6, 3, filters 64, 128, 256, 512, v1. Smaller architectures with the same layer names (for
 * example {@code of(8, List.of(1, 1), List.of(4, 8))}, or {@code of(ResNetVersion.V2, 8, List.of(2, 2),
 * List.of(4, 8))}) serve tests and fixtures.
 *
 * <pre>{@code
 * ResNetArchitecture a = ResNetArchitecture.of(BackboneFamily.RESNET50V2);   // a.version() == V2
 * }</pre>
 *
 * @param name a label for logs and the feature cache's key: the family's Keras name, such as
 *     {@code resnet50}, or {@code resnet-custom} / {@code resnetv2-custom}
 * @param stemFilters output channels of {@code conv1_conv}
 * @param blocksPerStage bottleneck blocks in stages 2, 3, …, each at least 1 (v1) or 2 (v2)
 * @param filtersPerStage bottleneck width of stages 2, 3, …, each at least 1
 * @param version the residual block: {@link ResNetVersion#V1} or {@link ResNetVersion#V2}
 */
public record ResNetArchitecture(String name, int stemFilters, List<Integer> blocksPerStage,
    List<Integer> filtersPerStage, ResNetVersion version) {

  /** Validates and copies the lists. */
  public ResNetArchitecture {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    blocksPerStage = List.copyOf(blocksPerStage);
    filtersPerStage = List.copyOf(filtersPerStage);
    if (stemFilters < 1) {
      throw new IllegalArgumentException("stemFilters = " + stemFilters + " must be at least 1");
    }
    if (blocksPerStage.isEmpty() || blocksPerStage.size() != filtersPerStage.size()) {
      throw new IllegalArgumentException("blocksPerStage " + blocksPerStage + " and filtersPerStage "
          + filtersPerStage + " must be non-empty and of the same length (one entry per stage)");
    }
    int minBlocks = version == ResNetVersion.V2 ? 2 : 1;
    for (int i = 0; i < blocksPerStage.size(); i++) {
      if (blocksPerStage.get(i) < minBlocks || filtersPerStage.get(i) < 1) {
        throw new IllegalArgumentException("stage " + (i + 2) + " has " + blocksPerStage.get(i) + " blocks of "
            + filtersPerStage.get(i) + " filters; a ResNet " + version.label() + " stage needs at least " + minBlocks
            + " blocks" + (minBlocks > 1 ? " (Keras' stack2 puts the conv shortcut on the first, the stride on the"
            + " last)" : "") + " and at least 1 filter");
      }
    }
  }

  /** A ResNet v1 architecture (the record as it was before v2 existed). */
  public ResNetArchitecture(String name, int stemFilters, List<Integer> blocksPerStage, List<Integer> filtersPerStage) {
    this(name, stemFilters, blocksPerStage, filtersPerStage, ResNetVersion.V1);
  }

  /** Keras' ResNet50: 23,587,712 parameters without the top. */
  public static ResNetArchitecture resnet50() {
    return of(BackboneFamily.RESNET50);
  }

  /** The architecture of a Keras backbone, named as Keras names it ({@code resnet101}, {@code resnet50v2}). */
  public static ResNetArchitecture of(BackboneFamily family) {
    return new ResNetArchitecture(family.kerasName(), family.stemFilters(), family.blocksPerStage(),
        family.filtersPerStage(), family.version());
  }

  /** A custom ResNet v1 architecture with the ResNet layer names, named {@code resnet-custom}. */
  public static ResNetArchitecture of(int stemFilters, List<Integer> blocksPerStage, List<Integer> filtersPerStage) {
    return of(ResNetVersion.V1, stemFilters, blocksPerStage, filtersPerStage);
  }

  /**
   * A custom architecture of either block version with Keras' layer names, named {@code resnet-custom}
   * (v1) or {@code resnetv2-custom} (v2).
   */
  public static ResNetArchitecture of(ResNetVersion version, int stemFilters, List<Integer> blocksPerStage,
      List<Integer> filtersPerStage) {
    String name = version == ResNetVersion.V1 ? "resnet-custom" : "resnetv2-custom";
    return new ResNetArchitecture(name, stemFilters, blocksPerStage, filtersPerStage, version);
  }

  /** The Keras backbone this architecture is, or empty for a custom one. */
  public Optional<BackboneFamily> family() {
    return Arrays.stream(BackboneFamily.values()).filter(f -> of(f).equals(this)).findFirst();
  }

  /**
   * This architecture's part of the feature cache's key. Written out field by field in the form the
   * record's {@code toString} had when the cache began, so caches made then stay valid whatever this
   * record gains: a v1 architecture's key is exactly that; a v2 one adds {@code , version=v2}, so v1
   * and v2 features never share a key.
   */
  public String cacheIdentity() {
    String v1 = "ResNetArchitecture[name=" + name + ", stemFilters=" + stemFilters + ", blocksPerStage="
        + blocksPerStage + ", filtersPerStage=" + filtersPerStage;
    return version == ResNetVersion.V1 ? v1 + "]" : v1 + ", version=" + version.label() + "]";
  }

  /** The number of channels the last stage outputs (2,048 for ResNet50). */
  public int outputChannels() {
    return 4 * filtersPerStage.get(filtersPerStage.size() - 1);
  }

  /**
   * The total downsampling factor: 4 from the stem, 2 for every stage after the first (v1: in the
   * stage's first block) or before the last (v2: in the stage's last block).
   */
  public int downsampling() {
    return 4 << (blocksPerStage.size() - 1);
  }
}
