package org.tune4j.models.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.models.zoo.ResNetVersion;

/** Architectures made from the families, and the part of the feature cache's key they give. */
class ResNetArchitectureTest {
  @Test
  void resnet50IsTheSameArchitectureItAlwaysWas() {
    assertEquals(new ResNetArchitecture("resnet50", 64, List.of(3, 4, 6, 3), List.of(64, 128, 256, 512)),
        ResNetArchitecture.resnet50());
    assertEquals(ResNetArchitecture.resnet50(), Backbone.resnet50(Weights.random(1)).architecture());
  }

  /** Feature caches written before the families existed must still be hit: ResNet50's key part is pinned. */
  @Test
  void resnet50sCacheIdentityIsTheKeyEarlierCachesWereWrittenWith() {
    assertEquals("ResNetArchitecture[name=resnet50, stemFilters=64, blocksPerStage=[3, 4, 6, 3],"
        + " filtersPerStage=[64, 128, 256, 512]]", ResNetArchitecture.resnet50().cacheIdentity());
  }

  @Test
  void everyFamilyHasItsOwnCacheIdentity() {
    assertEquals("ResNetArchitecture[name=resnet101, stemFilters=64, blocksPerStage=[3, 4, 23, 3],"
        + " filtersPerStage=[64, 128, 256, 512]]", ResNetArchitecture.of(BackboneFamily.RESNET101).cacheIdentity());
    assertEquals(BackboneFamily.values().length, java.util.Arrays.stream(BackboneFamily.values())
        .map(f -> ResNetArchitecture.of(f).cacheIdentity()).distinct().count());
  }

  /** ResNet50V2 has ResNet50's numbers; only the block version tells their features apart. */
  @Test
  void aV2CacheIdentityNamesItsVersionAndNeverEqualsAV1One() {
    assertEquals("ResNetArchitecture[name=resnet50v2, stemFilters=64, blocksPerStage=[3, 4, 6, 3],"
        + " filtersPerStage=[64, 128, 256, 512], version=v2]",
        ResNetArchitecture.of(BackboneFamily.RESNET50V2).cacheIdentity());
    ResNetArchitecture v1 = ResNetArchitecture.of(8, List.of(2, 2), List.of(4, 8));
    ResNetArchitecture v2 = ResNetArchitecture.of(ResNetVersion.V2, 8, List.of(2, 2), List.of(4, 8));
    assertEquals("resnet-custom", v1.name());
    assertEquals("resnetv2-custom", v2.name());
    assertNotEquals(v1, v2);
    assertNotEquals(v1.cacheIdentity(), new ResNetArchitecture("resnet-custom", 8, List.of(2, 2), List.of(4, 8),
        ResNetVersion.V2).cacheIdentity(), "same name and numbers, other block version");
    assertEquals(ResNetVersion.V1, new ResNetArchitecture("x", 8, List.of(1), List.of(4)).version());
  }

  @Test
  void aV2StageNeedsTwoBlocks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResNetArchitecture.of(ResNetVersion.V2, 8, List.of(2, 1), List.of(4, 8)));
    assertEquals("stage 3 has 1 blocks of 8 filters; a ResNet v2 stage needs at least 2 blocks (Keras' stack2 puts"
        + " the conv shortcut on the first, the stride on the last) and at least 1 filter", e.getMessage());
    assertEquals(32, ResNetArchitecture.of(BackboneFamily.RESNET50V2).downsampling());
    assertEquals(2048, ResNetArchitecture.of(BackboneFamily.RESNET152V2).outputChannels());
  }

  @Test
  void familyIsFoundFromTheArchitectureAndCustomOnesHaveNone() {
    for (BackboneFamily f : BackboneFamily.values()) {
      assertEquals(f, ResNetArchitecture.of(f).family().orElseThrow());
      assertEquals(f, Backbone.of(f, Weights.random(1)).family().orElseThrow());
    }
    ResNetArchitecture custom = ResNetArchitecture.of(64, List.of(3, 4, 6, 3), List.of(64, 128, 256, 512));
    assertTrue(custom.family().isEmpty(), "a custom architecture is no family, even with ResNet50's numbers");
  }
}
