package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.spec.SpecCompiler;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.Tune;

class FeatureCacheTest {
  @TempDir Path dir;

  static INDArray features() {
    Nd4j.getRandom().setSeed(3);
    return Nd4j.rand(DataType.FLOAT, 7, 5);
  }

  @Test
  void storedFeaturesLoadBackExactly() {
    FeatureCache cache = FeatureCache.at(dir);
    INDArray f = features();
    cache.store("key-a", f);
    assertEquals(f, cache.load("key-a").orElseThrow());
    assertTrue(cache.load("key-b").isEmpty());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(cache.fileOf("key-a")), files.toList(), "no temporary file is left behind");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void truncatedCorruptAndForeignFilesAreDroppedAndRebuilt() throws IOException {
    FeatureCache cache = FeatureCache.at(dir);
    cache.store("k", features());
    Path file = cache.fileOf("k");
    byte[] good = Files.readAllBytes(file);

    Files.write(file, java.util.Arrays.copyOf(good, good.length - 9));
    assertTrue(cache.load("k").isEmpty(), "truncated");
    assertFalse(Files.exists(file), "the bad file is deleted");

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x5A;
    Files.write(file, flipped);
    assertTrue(cache.load("k").isEmpty(), "corrupt");

    Files.write(cache.fileOf("other"), good);   // a file whose header names another key
    assertTrue(cache.load("other").isEmpty(), "made for another key");

    cache.store("k", features());
    assertEquals(features(), cache.load("k").orElseThrow(), "rebuilt");
  }

  @Test
  void concurrentWritersOfOneKeyLeaveOneWholeFile() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> FeatureCache.at(dir).store("shared", features())));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(features(), FeatureCache.at(dir).load("shared").orElseThrow());
  }

  @Test
  void aSecondRunReadsTheCacheInsteadOfFeaturizing() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSet train = prep(sample.train().firstPerClass(3));
    ImageSet test = prep(sample.test().firstPerClass(2));
    ModelSpec spec = TuneGridTest.spec().finalize(Map.of("dense_units", 8, "dropout_rate", 0.0, "learn_rate", 0.01));
    FeatureCache cache = FeatureCache.at(dir.resolve("features"));

    ImageSplit first = ImageSplit.of(new TrainTest(train, test)).withFeatureCache(cache);
    Tune.lastFit(spec, first, Control.builder().seed(1).build());
    TransferModel compiled = SpecCompiler.compile(spec, 32, 32, 0);
    String key = FeatureKeys.of(compiled.backbone(), compiled.head().input(),
        FeatureKeys.fingerprint(ImageSplit.of(new TrainTest(train, test)).allImages()));
    Path file = cache.fileOf(key);
    assertTrue(Files.isRegularFile(file), "the first run writes the cache");

    // Replace the cached features by zeros: if the second run reads them, its predictions change.
    INDArray cached = cache.load(key).orElseThrow();
    cache.store(key, Nd4j.zeros(DataType.FLOAT, cached.rows(), cached.columns()));
    ImageSplit second = ImageSplit.of(new TrainTest(train, test)).withFeatureCache(cache);
    var two = Tune.lastFit(spec, second, Control.builder().seed(1).build());
    double[][] p = new double[two.predictions().size()][];
    for (int i = 0; i < p.length; i++) {
      p[i] = new double[] {two.predictions().probability(i, 0), two.predictions().probability(i, 1)};
    }
    for (int i = 1; i < p.length; i++) {
      assertEquals(p[0][0], p[i][0], 1e-6, "all-zero features give every image the same prediction");
    }
  }

  static ImageSet prep(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }
}
