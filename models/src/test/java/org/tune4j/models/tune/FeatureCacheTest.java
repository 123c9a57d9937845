package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.source.UnreadableRowException;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.spec.SpecCompiler;
import org.tune4j.models.store.FeatureMatrix;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * The feature cache as a run sees it: a second run featurizes nothing, a data set that gained images featurizes
 * only those, a damaged shard is recomputed, a featurization stopped by a bad image keeps what it wrote.
 */
class FeatureCacheTest {
  @TempDir
  Path dir;

  static ImageSet images;
  static TransferModel model;

  @BeforeAll
  static void data() {
    images = prep(EmbeddedSample.fashionMnist().train().firstPerClass(30));
    ModelSpec spec = TuneGridTest.spec().finalize(Map.of("dense_units", 8, "dropout_rate", 0.0, "learn_rate", 0.01));
    model = SpecCompiler.compile(spec, 32, 32, 0);
  }

  static ImageSet prep(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  /** Shards of 7 rows of 2,048 features: many shards from 300 images (chunks of 128). */
  FeatureCache cache() {
    return FeatureCache.at(dir).withShardBytes(7L * 2048 * 4);
  }

  FeatureStore.Entry featurize(ImageSource source) {
    return new FeatureStore(source, Optional.of(cache())).features(model);
  }

  static float[] all(FeatureMatrix m) {
    float[] out = new float[m.rows() * m.columns()];
    m.gather(IntStream.range(0, m.rows()).toArray(), out);
    return out;
  }

  @Test
  void aSecondRunReadsEveryRowFromTheCacheAndGetsTheSameFeatures() {
    FeatureStore.Entry first = featurize(ImageSources.of(images));
    assertEquals(300, first.stats().computed());
    FeatureStore.Entry second = featurize(ImageSources.of(images));
    assertEquals(0, second.stats().computed(), "nothing is featurized again");
    assertEquals(300, second.stats().fromCache());
    assertArrayEquals(all(first.features()), all(second.features()));
    FeatureStore.Entry memory = new FeatureStore(ImageSources.of(images)).features(model);
    assertArrayEquals(all(memory.features()), all(second.features()), "the disk path equals the in-memory path");
  }

  @Test
  void aDataSetThatGainedImagesFeaturizesOnlyTheNewOnes() {
    ImageSet before = images.rows(IntStream.range(0, 225).toArray());
    featurize(ImageSources.of(before));
    FeatureStore.Entry after = featurize(ImageSources.of(images));
    assertEquals(75, after.stats().computed());
    assertEquals(225, after.stats().fromCache());
    FeatureStore.Entry fewer = featurize(ImageSources.of(images.rows(IntStream.range(10, 30).toArray())));
    assertEquals(0, fewer.stats().computed(), "removed images simply drop out");
  }

  @Test
  void anotherBackboneOfTheSameImagesHasItsOwnStore() {
    ImageSource few = ImageSources.of(images.rows(IntStream.range(0, 20).toArray()));
    featurize(few);
    Backbone resnet50 = model.backbone();
    TransferModel deeper = new TransferModel(Backbone.of(BackboneFamily.RESNET101, resnet50.weights())
        .inputSize(resnet50.height(), resnet50.width()).pooling(resnet50.pooling()), model.head(), model.fit(), true);
    FeatureStore.Entry resnet101 = new FeatureStore(few, Optional.of(cache())).features(deeper);
    assertEquals(20, resnet101.stats().computed(), "ResNet50's features are not ResNet101's");
    assertEquals(0, featurize(few).stats().computed(), "ResNet50's store is still there");
  }

  /** ResNet50V2 has ResNet50's numbers; only its block version keeps its features apart. */
  @Test
  void aV2BackboneOfTheSameImagesHasItsOwnStore() {
    ImageSource few = ImageSources.of(images.rows(IntStream.range(0, 12).toArray()));
    featurize(few);
    Backbone resnet50 = model.backbone();
    TransferModel v2 = new TransferModel(Backbone.of(BackboneFamily.RESNET50V2, resnet50.weights())
        .inputSize(resnet50.height(), resnet50.width()).pooling(resnet50.pooling()), model.head(), model.fit(), true);
    FeatureStore.Entry resnet50v2 = new FeatureStore(few, Optional.of(cache())).features(v2);
    assertEquals(12, resnet50v2.stats().computed(), "ResNet50's features are not ResNet50V2's");
    assertEquals(12, new FeatureStore(few, Optional.of(cache())).features(v2).stats().fromCache());
  }

  @Test
  void aDamagedShardIsDeletedAndOnlyItsRowsAreComputedAgain() throws IOException {
    featurize(ImageSources.of(images));
    List<Path> shards = shards();
    assertEquals(43, shards.size(), "300 rows in shards of 7");
    // shard names are random: take a full one (7 rows), not the last shard's 6
    Path full = shards.stream().max(java.util.Comparator.comparingLong(FeatureCacheTest::sizeOf)).orElseThrow();
    try (FileChannel ch = FileChannel.open(full, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 100);
    }
    FeatureStore.Entry again = featurize(ImageSources.of(images));
    assertEquals(7, again.stats().computed(), "the truncated shard's rows");
  }

  @Test
  void aFeaturizationStoppedByAnUnreadableImageKeepsWhatItWroteAndResumes() {
    ImageSource good = ImageSources.of(images);
    ImageSource bad = new FailingAt(good, 200);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> featurize(bad));
    assertTrue(e.getMessage().contains("bad image 200") && e.getMessage().contains("are kept"), e.getMessage());
    FeatureStore.Entry resumed = featurize(good);
    assertEquals(300 - 128, resumed.stats().computed(), "the first chunk of 128 was kept; the failing one and"
        + " those after it are redone");
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Path> shards() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".t4js")).sorted().toList();
    }
  }

  /** A source whose row {@code failAt} cannot be read, as a damaged JPEG in a folder. */
  static final class FailingAt extends DelegatingSource {
    private final int failAt;

    FailingAt(ImageSource base, int failAt) {
      super(base);
      this.failAt = failAt;
    }

    @Override
    public void read(int[] rows, float[] target) {
      for (int r : rows) {
        if (r == failAt) {
          throw new UnreadableRowException(r, "bad image " + r, "truncated or damaged", null);
        }
      }
      super.read(rows, target);
    }
  }
}
