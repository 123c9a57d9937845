package org.tune4j.models.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.models.zoo.ResNetVersion;

/**
 * ResNet50V2, ResNet101V2 and ResNet152V2 as Keras' {@code resnet_v2.py} builds them: parameter
 * counts (Keras' table minus the 2,049,000 of the 1000-class top), output shapes and layer names.
 * ResNet50V2 is built and run at 32×32; the deeper two are counted from their configuration.
 */
class ResNetV2Test {
  /** Keras: {@code ResNet50V2(include_top=False).count_params()} (25,613,800 − 2,049,000). */
  static final long KERAS_RESNET50V2_NOTOP_PARAMS = 23_564_800L;
  /** Keras: {@code ResNet101V2(include_top=False).count_params()} (44,675,560 − 2,049,000). */
  static final long KERAS_RESNET101V2_NOTOP_PARAMS = 42_626_560L;
  /** Keras: {@code ResNet152V2(include_top=False).count_params()} (60,380,648 − 2,049,000). */
  static final long KERAS_RESNET152V2_NOTOP_PARAMS = 58_331_648L;

  static BackboneNetwork resnet50v2;

  @BeforeAll
  static void build() {
    resnet50v2 = Backbone.of(BackboneFamily.RESNET50V2, Weights.random(4)).inputSize(32, 32).build();
  }

  /** Parameters of a configuration, layer by layer, without allocating them. */
  static long paramsOf(ComputationGraphConfiguration conf) {
    long n = 0;
    for (GraphVertex v : conf.getVertices().values()) {
      if (v instanceof LayerVertex lv) {
        n += lv.getLayerConf().getLayer().initializer().numParams(lv.getLayerConf());
      }
    }
    return n;
  }

  private static ComputationGraphConfiguration configuration(BackboneFamily f, int size) {
    return Backbone.of(f, Weights.random(1)).inputSize(size, size).configuration();
  }

  @Test
  void resnet50v2sParameterCountIsKerasBuiltAndCounted() {
    assertEquals(KERAS_RESNET50V2_NOTOP_PARAMS, resnet50v2.numParams());
    assertEquals(KERAS_RESNET50V2_NOTOP_PARAMS, paramsOf(configuration(BackboneFamily.RESNET50V2, 32)));
  }

  @Test
  void deeperV2ParameterCountsAreKeras() {
    assertEquals(KERAS_RESNET101V2_NOTOP_PARAMS, paramsOf(configuration(BackboneFamily.RESNET101V2, 32)));
    assertEquals(KERAS_RESNET152V2_NOTOP_PARAMS, paramsOf(configuration(BackboneFamily.RESNET152V2, 32)));
  }

  /** The counting itself is checked on ResNet50 v1, whose Keras count is known independently. */
  @Test
  void countingFromTheConfigurationGivesResNet50sKerasCount() {
    assertEquals(23_587_712L, paramsOf(configuration(BackboneFamily.RESNET50, 32)));
  }

  @Test
  void outputIs2048x1x1At32AndRunsOnABatch() {
    assertArrayEquals(new long[] {2048, 1, 1}, resnet50v2.outputShape());
    INDArray out = resnet50v2.graph().outputSingle(false, Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT,
        2, 3, 32, 32));
    assertArrayEquals(new long[] {2, 2048, 1, 1}, out.shape());
    assertEquals(0.0, Math.min(0.0, out.minNumber().doubleValue()), "post_relu leaves nothing negative");
  }

  @Test
  void everyV2OutputIs2048x7x7At224() {
    for (BackboneFamily f : List.of(BackboneFamily.RESNET50V2, BackboneFamily.RESNET101V2, BackboneFamily.RESNET152V2)) {
      ComputationGraphConfiguration conf = configuration(f, 224);
      Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(224, 224, 3));
      InputType.InputTypeConvolutional out = (InputType.InputTypeConvolutional) types.get(conf.getNetworkOutputs().get(0));
      assertEquals(List.of(2048L, 7L, 7L), List.of(out.getChannels(), out.getHeight(), out.getWidth()), f.kerasName());
      InputType.InputTypeConvolutional conv4 = (InputType.InputTypeConvolutional) types.get("conv4_block1_out");
      assertEquals(List.of(1024L, 14L, 14L), List.of(conv4.getChannels(), conv4.getHeight(), conv4.getWidth()),
          "conv3's last block halves 28 to 14; conv4_block1 keeps it");
    }
  }

  @Test
  void layerNamesAreKerasV2() {
    ComputationGraph g = resnet50v2.graph();
    List.of("conv1_conv", "pool1_pool", "conv2_block1_preact_bn", "conv2_block1_preact_relu", "conv2_block1_0_conv",
        "conv2_block1_1_conv", "conv2_block1_2_pad", "conv2_block3_2_conv", "conv2_block3_out", "conv4_block6_out",
        "conv5_block3_3_conv", "post_bn", "post_relu").forEach(n -> assertNotNull(g.getVertex(n), n));
    List.of("conv1_bn", "conv1_relu", "conv2_block1_3_bn", "conv2_block1_add", "conv2_block2_0_conv",
        "conv2_block4_out", "conv4_block7_out").forEach(n -> assertNull(g.getVertex(n), n));
    assertEquals("post_relu", resnet50v2.graph().getConfiguration().getNetworkOutputs().get(0));
  }

  @Test
  void onlyThe1And2ConvolutionsLackABiasAndTheStrideSitsOnEachStagesLastBlock() {
    ComputationGraph g = resnet50v2.graph();
    assertFalse(g.getLayer("conv3_block2_1_conv").paramTable().containsKey("b"));
    assertFalse(g.getLayer("conv3_block2_2_conv").paramTable().containsKey("b"));
    List.of("conv1_conv", "conv3_block1_0_conv", "conv3_block2_3_conv")
        .forEach(n -> assertNotNull(g.getLayer(n).paramTable().get("b"), n));
    assertArrayEquals(new int[] {2, 2}, stride(g, "conv2_block3_2_conv"));
    assertArrayEquals(new int[] {1, 1}, stride(g, "conv3_block1_2_conv"));
    assertArrayEquals(new int[] {2, 2}, stride(g, "conv4_block6_2_conv"));
    assertArrayEquals(new int[] {1, 1}, stride(g, "conv5_block3_2_conv"));
    assertNotNull(g.getVertex("conv3_block4_0_pool"), "the strided block's 1×1 max-pool shortcut");
    assertNull(g.getVertex("conv5_block3_0_pool"), "conv5 has no stride");
  }

  private static int[] stride(ComputationGraph g, String layer) {
    return ((ConvolutionLayer) g.getLayer(layer).conf().getLayer()).getStride();
  }

  @Test
  void eachV2BackboneKnowsItsFamilyAndVersion() {
    assertEquals(BackboneFamily.RESNET50V2, resnet50v2.spec().family().orElseThrow());
    assertEquals(ResNetVersion.V2, resnet50v2.spec().architecture().version());
    assertEquals("resnet50v2", resnet50v2.spec().architecture().name());
  }
}
