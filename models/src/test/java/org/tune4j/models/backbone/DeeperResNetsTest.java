package org.tune4j.models.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;

/** ResNet101 and ResNet152 as Keras builds them: parameter counts, output shape and layer names. */
class DeeperResNetsTest {
  /** Keras: {@code ResNet101(include_top=False).count_params()}. */
  static final long KERAS_RESNET101_NOTOP_PARAMS = 42_658_176L;
  /** Keras: {@code ResNet152(include_top=False).count_params()}. */
  static final long KERAS_RESNET152_NOTOP_PARAMS = 58_370_944L;

  static BackboneNetwork resnet101;
  static BackboneNetwork resnet152;

  @BeforeAll
  static void build() {
    resnet101 = Backbone.of(BackboneFamily.RESNET101, Weights.random(3)).inputSize(32, 32).build();
    resnet152 = Backbone.of(BackboneFamily.RESNET152, Weights.random(3)).inputSize(32, 32).build();
  }

  @Test
  void parameterCountsAreKeras() {
    assertEquals(KERAS_RESNET101_NOTOP_PARAMS, resnet101.numParams());
    assertEquals(KERAS_RESNET152_NOTOP_PARAMS, resnet152.numParams());
  }

  @Test
  void outputIs2048x1x1At32() {
    assertArrayEquals(new long[] {2048, 1, 1}, resnet101.outputShape());
    assertArrayEquals(new long[] {2048, 1, 1}, resnet152.outputShape());
  }

  @Test
  void resnet101HasConv4Blocks1To23() {
    assertLayers(resnet101.graph(), List.of("conv3_block4_out", "conv4_block1_0_conv", "conv4_block23_3_bn",
        "conv4_block23_out", "conv5_block1_0_conv", "conv5_block3_out"),
        List.of("conv3_block5_out", "conv4_block24_out"));
  }

  @Test
  void resnet152HasConv3Blocks1To8AndConv4Blocks1To36() {
    assertLayers(resnet152.graph(), List.of("conv2_block3_out", "conv3_block8_1_conv", "conv3_block8_out",
        "conv4_block36_2_bn", "conv4_block36_out", "conv5_block3_out"),
        List.of("conv3_block9_out", "conv4_block37_out"));
  }

  private static void assertLayers(ComputationGraph g, List<String> present, List<String> absent) {
    present.forEach(name -> assertNotNull(g.getVertex(name), name));
    absent.forEach(name -> assertNull(g.getVertex(name), name));
  }

  @Test
  void eachBackboneKnowsItsFamily() {
    assertEquals(BackboneFamily.RESNET101, resnet101.spec().family().orElseThrow());
    assertEquals(BackboneFamily.RESNET152, resnet152.spec().family().orElseThrow());
    assertEquals("resnet152", resnet152.spec().architecture().name());
  }
}
