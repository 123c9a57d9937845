package org.tune4j.models.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;

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
    assertEquals(3, java.util.Arrays.stream(BackboneFamily.values())
        .map(f -> ResNetArchitecture.of(f).cacheIdentity()).distinct().count());
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
