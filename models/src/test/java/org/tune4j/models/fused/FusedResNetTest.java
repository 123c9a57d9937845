package org.tune4j.models.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.models.zoo.ResNetVersion;

/** The equivalence contract: the fused plan gives DL4J's graph output within 1e-4 relative. */
class FusedResNetTest {
  /** Largest |fused − graph| allowed, relative to the largest |graph| output. */
  static final double RELATIVE_TOLERANCE = 1e-4;

  /** Sets every BatchNorm's statistics and affine terms to random values, so folding is exercised. */
  static BackboneNetwork withRandomBatchNorm(BackboneNetwork net, long seed) {
    Random r = new Random(seed);
    for (Layer layer : net.graph().getLayers()) {
      if (layer.paramTable().containsKey("gamma")) {
        fill(layer.getParam("gamma"), r, 0.75, 1.25);
        fill(layer.getParam("beta"), r, -0.1, 0.1);
        fill(layer.getParam("mean"), r, -0.1, 0.1);
        fill(layer.getParam("var"), r, 0.5, 1.5);
      }
      if (layer.paramTable().containsKey("b")) {
        fill(layer.getParam("b"), r, -0.05, 0.05);
      }
    }
    return net;
  }

  static void fill(INDArray target, Random r, double lo, double hi) {
    float[] v = new float[(int) target.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    target.assign(Nd4j.create(v, target.shape(), 'c'));
  }

  static ImageSet images(int n, int size, long seed) {
    return images(n, size, size, seed);
  }

  static ImageSet images(int n, int height, int width, long seed) {
    Random r = new Random(seed);
    float[] px = new float[n * 3 * height * width];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextFloat();
    }
    return ImageSet.of(height, width, 3, px, new int[n], List.of("x"));
  }

  static void assertEquivalent(BackboneNetwork net, ImageSet images, int chunk) {
    INDArray graph = net.output(images, chunk);
    INDArray fused = FusedResNet.of(net).output(images, chunk);
    assertArrayEquals(graph.shape(), fused.shape());
    double scale = graph.amaxNumber().doubleValue();
    double diff = graph.sub(fused).amaxNumber().doubleValue();
    assertTrue(scale > 0, "degenerate output");
    assertTrue(diff <= RELATIVE_TOLERANCE * scale, "max |diff| " + diff + " vs max |output| " + scale);
  }

  @Test
  void resnet50At32MatchesTheGraph() {
    BackboneNetwork net = withRandomBatchNorm(Backbone.resnet50(Weights.random(5)).inputSize(32, 32).build(), 1);
    assertEquivalent(net, images(10, 32, 2), 4);   // 4 + 4 + 2: a short last chunk
  }

  /** The plan is generic over blocks per stage: ResNet101's 23 conv4 blocks, two images in one chunk. */
  @Test
  void resnet101At32MatchesTheGraph() {
    BackboneNetwork net = withRandomBatchNorm(Backbone.of(BackboneFamily.RESNET101, Weights.random(9))
        .inputSize(32, 32).build(), 9);
    assertEquivalent(net, images(2, 32, 10), 2);
  }

  /** ResNet v2: pre-activation blocks, the stem without BatchNorm, strided last blocks, post_bn. */
  @Test
  void resnet50v2At32MatchesTheGraph() {
    BackboneNetwork net = withRandomBatchNorm(Backbone.of(BackboneFamily.RESNET50V2, Weights.random(11))
        .inputSize(32, 32).build(), 11);
    assertEquivalent(net, images(5, 32, 12), 2);   // 2 + 2 + 1
  }

  /**
   * Odd, non-square sides: every stride-2 layer (the stem, the 3×3 convolutions of the strided
   * blocks, their 1×1 max-pool shortcuts) rounds up, and the stem's pool pads with real zeros.
   */
  @Test
  void aSmallResNetV2AtAnOddNonSquareSizeMatchesTheGraph() {
    ResNetArchitecture small = ResNetArchitecture.of(ResNetVersion.V2, 16, List.of(2, 3, 2), List.of(8, 16, 16));
    for (Pooling p : new Pooling[] {Pooling.NONE, Pooling.MAX}) {
      BackboneNetwork net = withRandomBatchNorm(Backbone.resnet(small, Weights.random(13)).inputSize(45, 67)
          .pooling(p).build(), 13);
      assertEquivalent(net, images(3, 45, 67, 14), 2);
    }
  }

  @Test
  void aSmallResNetV2At224MatchesTheGraphPooled() {
    ResNetArchitecture small = ResNetArchitecture.of(ResNetVersion.V2, 16, List.of(2, 2, 2, 2), List.of(8, 16, 16, 32));
    BackboneNetwork net = withRandomBatchNorm(Backbone.resnet(small, Weights.random(15)).inputSize(224, 224)
        .pooling(Pooling.AVG).build(), 15);
    assertEquivalent(net, images(2, 224, 16), 2);
  }

  @Test
  void resnet50PooledOutputsMatchTheGraph() {
    for (Pooling p : new Pooling[] {Pooling.AVG, Pooling.MAX}) {
      BackboneNetwork net = withRandomBatchNorm(Backbone.resnet50(Weights.random(5)).inputSize(64, 64).pooling(p)
          .build(), 3);
      assertEquivalent(net, images(3, 64, 4), 3);
    }
  }

  @Test
  void aSmallResNetAt224MatchesTheGraph() {
    ResNetArchitecture small = ResNetArchitecture.of(16, List.of(1, 2, 1, 1), List.of(8, 16, 16, 32));
    BackboneNetwork net = withRandomBatchNorm(Backbone.resnet(small, Weights.random(6)).inputSize(224, 224).build(), 5);
    assertEquivalent(net, images(3, 224, 6), 2);
  }

  @Test
  void resnet50At224MatchesTheGraphOnOneImage() {
    BackboneNetwork net = withRandomBatchNorm(Backbone.resnet50(Weights.random(7)).build(), 7);
    assertEquivalent(net, images(1, 224, 8), 1);
  }
}
