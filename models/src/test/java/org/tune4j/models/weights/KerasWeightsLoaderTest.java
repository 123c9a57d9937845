package org.tune4j.models.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.fixtures.KerasH5Fixture;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.models.zoo.ResNetVersion;

class KerasWeightsLoaderTest {
  /** A two-stage ResNet with Keras' layer names: every layer kind, few parameters. */
  static final ResNetArchitecture TINY = ResNetArchitecture.of(8, List.of(2, 1), List.of(4, 8));

  @TempDir Path dir;

  private static BackboneNetwork tiny(long seed) {
    return Backbone.resnet(TINY, Weights.random(seed)).inputSize(32, 32).build();
  }

  private static void randomizeBatchNorm(ComputationGraph g, long seed) {
    // Random init leaves BatchNorm at gamma 1, beta 0, mean 0, var 1: make every value distinct.
    java.util.Random r = new java.util.Random(seed);
    for (Layer layer : g.getLayers()) {
      for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
        if (p.getKey().equals("var")) {
          p.getValue().assign(org.nd4j.linalg.factory.Nd4j.rand(p.getValue().shape()).addi(0.5));
        } else if (!p.getKey().equals("W")) {
          p.getValue().assign(org.nd4j.linalg.factory.Nd4j.randn(r.nextLong(), p.getValue().shape()));
        }
      }
    }
  }

  @Test
  void loadingAKerasFileSetsEveryLayersWeights() {
    BackboneNetwork source = tiny(1);
    randomizeBatchNorm(source.graph(), 11);
    Path file = dir.resolve("tiny.h5");
    KerasH5Fixture.write(source.graph(), file, Set.of());

    BackboneNetwork target = Backbone.resnet(TINY, Weights.file(file)).inputSize(32, 32).build();

    int layersWithParams = 0;
    for (Layer layer : source.graph().getLayers()) {
      if (layer.numParams() == 0) {
        continue;
      }
      layersWithParams++;
      String name = layer.conf().getLayer().getLayerName();
      for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
        INDArray loaded = target.graph().getLayer(name).getParam(p.getKey());
        assertArrayEquals(p.getValue().shape(), loaded.shape(), name + "/" + p.getKey());
        assertEquals(p.getValue(), loaded, name + "/" + p.getKey());
      }
    }
    assertTrue(layersWithParams > 20, "fixture covers " + layersWithParams + " layers");
    assertFalse(tiny(2).graph().params().equals(target.graph().params()), "seed-2 weights must differ from loaded");
  }

  /** A two-stage ResNet v2: pre-activation BatchNorms, kernel-only 1_conv and 2_conv, post_bn. */
  static final ResNetArchitecture TINY_V2 = ResNetArchitecture.of(ResNetVersion.V2, 8, List.of(2, 2), List.of(4, 8));

  @Test
  void aV2FileRoundTripsByNameIncludingKernelOnlyConvolutions() {
    BackboneNetwork source = Backbone.resnet(TINY_V2, Weights.random(1)).inputSize(32, 32).build();
    randomizeBatchNorm(source.graph(), 12);
    Path file = dir.resolve("tiny-v2.h5");
    KerasH5Fixture.write(source.graph(), file, Set.of());
    try (KerasH5File h5 = KerasH5File.open(file)) {
      assertEquals(Set.of("kernel"), h5.weights("conv2_block1_1_conv").keySet(), "Keras writes no bias for 1_conv");
      assertEquals(Set.of("kernel", "bias"), h5.weights("conv2_block1_3_conv").keySet());
      assertTrue(h5.layerNames().containsAll(List.of("conv2_block1_preact_bn", "post_bn")), h5.layerNames().toString());
    }

    BackboneNetwork target = Backbone.resnet(TINY_V2, Weights.file(file)).inputSize(32, 32).build();

    assertEquals(source.graph().params(), target.graph().params());
    assertFalse(Backbone.resnet(TINY_V2, Weights.random(2)).inputSize(32, 32).build().graph().params()
        .equals(target.graph().params()), "seed-2 weights must differ from loaded");
    KerasWeightsLoader.LoadReport report = KerasWeightsLoader.load(
        Backbone.resnet(TINY_V2, Weights.random(3)).inputSize(32, 32).build().graph(), file);
    assertTrue(report.loadedLayers().containsAll(List.of("conv1_conv", "conv3_block2_2_conv", "post_bn")),
        report.loadedLayers().toString());
    assertEquals(List.of(), report.unusedFileLayers());
  }

  @Test
  void aV1FileDoesNotLoadIntoAV2Network() {
    Path file = dir.resolve("tiny-v1.h5");
    KerasH5Fixture.write(Backbone.resnet(ResNetArchitecture.of(8, List.of(2, 2), List.of(4, 8)), Weights.random(1))
        .inputSize(32, 32).build().graph(), file, Set.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backbone.resnet(TINY_V2, Weights.file(file)).inputSize(32, 32).build());
    assertTrue(e.getMessage().contains("has no layer 'conv2_block1_preact_bn'"), e.getMessage());
  }

  @Test
  void reportNamesLoadedLayersAndUnusedOnes() {
    BackboneNetwork source = tiny(1);
    Path file = dir.resolve("tiny.h5");
    KerasH5Fixture.write(source.graph(), file, Set.of());
    KerasWeightsLoader.LoadReport report = KerasWeightsLoader.load(tiny(3).graph(), file);
    assertTrue(report.loadedLayers().contains("conv1_conv"));
    assertTrue(report.loadedLayers().contains("conv3_block1_0_bn"));
    assertEquals(List.of(), report.unusedFileLayers());
  }

  @Test
  void aMissingLayerIsNamed() {
    Path file = dir.resolve("missing.h5");
    KerasH5Fixture.write(tiny(1).graph(), file, Set.of("conv2_block2_3_bn"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasWeightsLoader.load(tiny(2).graph(), file));
    assertTrue(e.getMessage().contains("has no layer 'conv2_block2_3_bn'"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void aWrongShapeIsNamedWithBothShapes() {
    Path file = dir.resolve("wide.h5");
    ResNetArchitecture wider = ResNetArchitecture.of(16, List.of(2, 1), List.of(4, 8));
    KerasH5Fixture.write(Backbone.resnet(wider, Weights.random(1)).inputSize(32, 32).build().graph(), file, Set.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasWeightsLoader.load(tiny(2).graph(), file));
    assertTrue(e.getMessage().contains("layer 'conv1_conv' weight 'kernel' has shape [7, 7, 3, 16]"), e.getMessage());
    assertTrue(e.getMessage().contains("needs [7, 7, 3, 8]"), e.getMessage());
  }

  @Test
  void aCorruptFileIsNamed() throws IOException {
    Path file = dir.resolve("garbage.h5");
    Files.write(file, "this is not an HDF5 file at all, just text".repeat(50).getBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasWeightsLoader.load(tiny(2).graph(), file));
    assertTrue(e.getMessage().contains("weights file " + file), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void aTruncatedFileIsNamed() throws IOException {
    Path good = dir.resolve("good.h5");
    KerasH5Fixture.write(tiny(1).graph(), good, Set.of());
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.h5");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasWeightsLoader.load(tiny(2).graph(), cut));
    assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt or truncated") || e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nowhere.h5");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backbone.resnet(TINY, Weights.file(file)).inputSize(32, 32).build());
    assertTrue(e.getMessage().contains("weights file " + file + " does not exist"), e.getMessage());
  }

  @Test
  void aFileWithThePublishedNameMustHaveThePublishedMd5() {
    Path file = dir.resolve(PublishedWeights.RESNET50_NOTOP.fileName());
    KerasH5Fixture.write(tiny(1).graph(), file, Set.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasWeightsLoader.load(tiny(2).graph(), file));
    assertTrue(e.getMessage().contains("has md5 " + PublishedWeights.md5Of(file)), e.getMessage());
    assertTrue(e.getMessage().contains(PublishedWeights.RESNET50_NOTOP.md5()), e.getMessage());
    assertTrue(e.getMessage().contains(PublishedWeights.RESNET50_NOTOP.url()), e.getMessage());
  }

  @Test
  void filesWithTheDeeperAndV2PublishedNamesMustHaveTheirPublishedMd5() {
    for (BackboneFamily family : List.of(BackboneFamily.RESNET101, BackboneFamily.RESNET152, BackboneFamily.RESNET50V2,
        BackboneFamily.RESNET101V2, BackboneFamily.RESNET152V2)) {
      PublishedWeights published = PublishedWeights.of(family);
      assertEquals(family.kerasName() + "_weights_tf_dim_ordering_tf_kernels_notop.h5", published.fileName());
      Path file = dir.resolve(published.fileName());
      KerasH5Fixture.write(tiny(1).graph(), file, Set.of());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Backbone.resnet(TINY, Weights.file(file)).inputSize(32, 32).build());
      assertTrue(e.getMessage().contains(file + " has md5 " + PublishedWeights.md5Of(file)), e.getMessage());
      assertTrue(e.getMessage().contains("the published " + published.fileName() + " has md5 " + published.md5()),
          e.getMessage());
      assertTrue(e.getMessage().contains(published.url()), e.getMessage());
    }
    assertEquals(List.of(PublishedWeights.RESNET50_NOTOP, PublishedWeights.of(BackboneFamily.RESNET101),
        PublishedWeights.of(BackboneFamily.RESNET152), PublishedWeights.of(BackboneFamily.RESNET50V2),
        PublishedWeights.of(BackboneFamily.RESNET101V2), PublishedWeights.of(BackboneFamily.RESNET152V2)),
        PublishedWeights.all());
    assertEquals("resnet152v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
        PublishedWeights.of(BackboneFamily.RESNET152V2).fileName());
    assertEquals("ed17cf2e0169df9d443503ef94b23b33", PublishedWeights.of(BackboneFamily.RESNET152V2).md5());
  }

  @Test
  void md5OfAKnownContent() throws IOException {
    Path file = dir.resolve("abc.txt");
    Files.writeString(file, "abc");
    assertEquals("900150983cd24fb0d6963f7d28e17f72", PublishedWeights.md5Of(file));
  }

  @Test
  void kerasModelsCacheFindsOnlyPresentFiles() throws IOException {
    KerasModelsCache cache = new KerasModelsCache(dir);
    assertTrue(cache.find(PublishedWeights.RESNET50_NOTOP).isEmpty());
    Files.writeString(cache.pathOf(PublishedWeights.RESNET50_NOTOP), "x");
    assertEquals(cache.pathOf(PublishedWeights.RESNET50_NOTOP), cache.find(PublishedWeights.RESNET50_NOTOP).get());
  }

  /** The fixture's formula (see make_keras_layout_fixture.py beside it). */
  static float fixtureValue(String layer, String weight, long k) {
    Map<String, Integer> offsets = Map.of("kernel", 0, "bias", 101, "gamma", 202, "beta", 303,
        "moving_mean", 404, "moving_variance", 505);
    long sum = layer.chars().sum();
    double v = ((sum * 7919 + k * 31 + offsets.get(weight)) % 1000) / 1000.0 - 0.5;
    return (float) (weight.equals("moving_variance") ? Math.abs(v) + 0.5 : v);
  }

  @Test
  void loadsAFileWrittenByH5pyExactlyAsKerasWritesIt() throws IOException {
    Path file = dir.resolve("keras.h5");
    try (var in = getClass().getResourceAsStream("keras-layout-tiny-resnet.h5")) {
      Files.copy(in, file);
    }
    BackboneNetwork net = Backbone.resnet(TINY, Weights.file(file)).inputSize(32, 32).build();
    int checked = 0;
    for (Layer layer : net.graph().getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      if (layer.numParams() == 0) {
        continue;
      }
      if (layer.paramTable().containsKey("W")) {
        INDArray w = layer.getParam("W"); // DL4J [out, in, kh, kw]; Keras HWIO, row-major
        long o = w.size(0);
        long i = w.size(1);
        long kw = w.size(3);
        for (long a = 0; a < o; a++) {
          for (long b = 0; b < i; b++) {
            for (long h = 0; h < w.size(2); h++) {
              for (long x = 0; x < kw; x++) {
                long k = ((h * kw + x) * i + b) * o + a;
                assertEquals(fixtureValue(name, "kernel", k), w.getFloat(a, b, h, x), 1e-7f, name + " kernel " + k);
              }
            }
          }
        }
        assertVector(name, "bias", layer.getParam("b"));
      } else {
        assertVector(name, "gamma", layer.getParam("gamma"));
        assertVector(name, "beta", layer.getParam("beta"));
        assertVector(name, "moving_mean", layer.getParam("mean"));
        assertVector(name, "moving_variance", layer.getParam("var"));
      }
      checked++;
    }
    assertEquals(24, checked, "conv and BatchNorm layers of the tiny ResNet");
  }

  private static void assertVector(String layer, String weight, INDArray values) {
    for (long k = 0; k < values.length(); k++) {
      assertEquals(fixtureValue(layer, weight, k), values.getFloat(k), 1e-7f, layer + " " + weight + " " + k);
    }
  }
}
