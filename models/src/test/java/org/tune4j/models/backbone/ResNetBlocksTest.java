package org.tune4j.models.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.models.zoo.BackboneFamily;

/** The blocks' Keras names, the vertex each reads, and their layers, as the graph builder writes them. */
class ResNetBlocksTest {
  @Test
  void kerasBlockNamesInGraphOrder() {
    List<String> names = ResNetBlocks.names(ResNetArchitecture.resnet50());
    assertEquals(16, names.size());
    assertEquals("conv2_block1", names.get(0));
    assertEquals("conv4_block6", names.get(12));
    assertEquals("conv5_block3", names.get(15));
    assertEquals(33, ResNetBlocks.names(ResNetArchitecture.of(BackboneFamily.RESNET101)).size());
    assertEquals(50, ResNetBlocks.names(ResNetArchitecture.of(BackboneFamily.RESNET152)).size());
  }

  @Test
  void eachBlockReadsThePreviousBlocksOutputAndItsLayersAreInTheGraph() {
    ResNetArchitecture tiny = ResNetArchitecture.of(8, List.of(1, 2), List.of(4, 8));
    var graph = Backbone.resnet(tiny, org.tune4j.models.weights.Weights.random(1)).inputSize(32, 32).build().graph();
    assertEquals("pool1_pool", ResNetBlocks.inputOf(tiny, 0));
    assertEquals("conv3_block1_out", ResNetBlocks.inputOf(tiny, 2));
    assertTrue(ResNetBlocks.isFirstOfStage(tiny, 1));
    assertFalse(ResNetBlocks.isFirstOfStage(tiny, 2));
    List<String> names = ResNetBlocks.names(tiny);
    for (int i = 0; i < names.size(); i++) {
      boolean first = ResNetBlocks.isFirstOfStage(tiny, i);
      assertEquals(first ? 4 : 3, ResNetBlocks.convolutions(names.get(i), first).size());
      for (String layer : ResNetBlocks.convolutions(names.get(i), first)) {
        assertTrue(graph.getLayer(layer).numParams() > 0, layer);
      }
      for (String layer : ResNetBlocks.batchNorms(names.get(i), first)) {
        assertTrue(graph.getLayer(layer).paramTable().containsKey("gamma"), layer);
      }
      assertTrue(graph.getVertex(ResNetBlocks.inputOf(tiny, i)) != null, ResNetBlocks.inputOf(tiny, i));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResNetBlocks.inputOf(tiny, 3));
    assertEquals("block index 3 is outside 0..2 of resnet-custom", e.getMessage());
  }
}
