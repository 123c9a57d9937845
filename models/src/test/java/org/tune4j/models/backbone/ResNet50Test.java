package org.tune4j.models.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.weights.Weights;

class ResNet50Test {
  /** Keras: {@code ResNet50(include_top=False).count_params()}. */
  static final long KERAS_RESNET50_NOTOP_PARAMS = 23_587_712L;
  /** Relative tolerance between the oneDNN helper path and DL4J's built-in layers. */
  static final double HELPER_RELATIVE_TOLERANCE = 1e-4;

  static BackboneNetwork resnet32;

  @BeforeAll
  static void build() {
    resnet32 = Backbone.resnet50(Weights.random(7)).inputSize(32, 32).build();
  }

  @Test
  void hasKerasParameterCount() {
    assertEquals(KERAS_RESNET50_NOTOP_PARAMS, resnet32.numParams());
  }

  @Test
  void outputIs2048x1x1At32() {
    assertArrayEquals(new long[] {2048, 1, 1}, resnet32.outputShape());
  }

  @Test
  void outputIs2048x7x7At224() {
    BackboneNetwork net = Backbone.resnet50(Weights.random(7)).build();
    INDArray out = net.graph().outputSingle(false, Nd4j.rand(DataType.FLOAT, 1, 3, 224, 224));
    assertArrayEquals(new long[] {1, 2048, 7, 7}, out.shape());
  }

  @Test
  void poolingAvgAndMaxGiveOneValuePerChannel() {
    assertArrayEquals(new long[] {2048}, Backbone.resnet50(Weights.random(7)).inputSize(32, 32)
        .pooling(Pooling.AVG).build().outputShape());
    ComputationGraph max = Backbone.resnet50(Weights.random(7)).inputSize(64, 64).pooling(Pooling.MAX).build().graph();
    assertNotNull(max.getVertex("max_pool"));
  }

  @Test
  void hasKerasLayerNamesAndBatchNormEpsilon() {
    ComputationGraph g = resnet32.graph();
    for (String name : List.of("conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool",
        "conv2_block1_0_conv", "conv2_block1_0_bn", "conv2_block3_out", "conv3_block4_add", "conv4_block6_3_bn",
        "conv5_block1_0_conv", "conv5_block3_out")) {
      assertNotNull(g.getVertex(name), name);
    }
    BatchNormalization bn = (BatchNormalization) g.getLayer("conv1_bn").conf().getLayer();
    assertEquals(1.001e-5, bn.getEps(), 0);
    assertTrue(!bn.isUseLogStd(), "BatchNorm must store variance, not log std");
  }

  @Test
  void stridesHalveTheMapFromStage3On() {
    // 64×64 input: stem /4 → 16, conv3 → 8, conv4 → 4, conv5 → 2.
    BackboneNetwork net = Backbone.resnet50(Weights.random(7)).inputSize(64, 64).build();
    INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 64, 64);
    java.util.Map<String, INDArray> acts = net.graph().feedForward(x, false);
    assertEquals(16, acts.get("conv2_block3_out").size(2));
    assertEquals(8, acts.get("conv3_block1_out").size(2));
    assertEquals(4, acts.get("conv4_block1_out").size(2));
    assertEquals(2, acts.get("conv5_block3_out").size(2));
  }

  @Test
  void inputsBelow32AreRefusedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backbone.resnet50(Weights.random(1)).inputSize(28, 28));
    assertTrue(e.getMessage().contains("input size 28×28 is below ResNet's minimum of 32×32"), e.getMessage());
    assertTrue(e.getMessage().contains("padTo"), e.getMessage());
  }

  @Test
  void oneDnnHelpersGiveTheBuiltInLayersOutput() {
    NativeBackend.initialize();
    INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32);
    INDArray withHelpers = resnet32.graph().outputSingle(false, x.dup());
    String before = System.getProperty(NativeBackend.HELPERS_DISABLE_PROPERTY);
    INDArray builtIn;
    try {
      System.setProperty(NativeBackend.HELPERS_DISABLE_PROPERTY, "true");
      BackboneNetwork plain = Backbone.resnet50(Weights.random(7)).inputSize(32, 32).build();
      assertEquals(resnet32.graph().params(), plain.graph().params(), "same seed, same weights");
      builtIn = plain.graph().outputSingle(false, x.dup());
    } finally {
      System.setProperty(NativeBackend.HELPERS_DISABLE_PROPERTY, before);
    }
    double scale = builtIn.norm2Number().doubleValue() / Math.sqrt(builtIn.length());
    double maxDiff = withHelpers.sub(builtIn).amaxNumber().doubleValue();
    assertTrue(maxDiff <= HELPER_RELATIVE_TOLERANCE * scale + 1e-6,
        "max |diff| " + maxDiff + " vs rms " + scale);
  }
}
