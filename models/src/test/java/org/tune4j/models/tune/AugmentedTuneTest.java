package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.spec.Block;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.spec.SpecCompiler;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.TuneResults;

/**
 * Augmentation as cached views in a tuning run: each view of each image is featurized once and cached under
 * its own key, training rows read one view per epoch, assessment rows the plain image.
 */
class AugmentedTuneTest {
  /** The fused featurizer against DL4J's head on streamed features: float noise of two paths. */
  static final double TTA_TOL = 1e-4;

  static ImageSplit split() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSplit.of(new TrainTest(TuneGridTest.prepare(sample.train().firstPerClass(6)),
        TuneGridTest.prepare(sample.test().firstPerClass(2))));
  }

  /** TuneGridTest's spec with {@code views} between the input and the backbone. */
  static ModelSpec spec(Block... views) {
    ModelSpec spec = ModelSpec.functional("augmented").block("input", Blocks.imageInput());
    String last = "input";
    for (int i = 0; i < views.length; i++) {
      spec = spec.block("aug" + i, views[i], last);
      last = "aug" + i;
    }
    return spec.block("base", Blocks.resnet50(Weights.random(42)), last)
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("dropout", Blocks.dropout(0.2), "dense")
        .block("output", Blocks.softmaxOutput(), "dropout")
        .fit(Fit.epochs(3).batchSize(16))
        .compile(Compile.adam().learnRate(1e-2))
        .update("dense_units", Parameters.hiddenUnits(8, 64));
  }

  static Grid grid(ModelSpec spec, String viewsId, int... views) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int units : new int[] {8, 16}) {
      for (int k : views) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dense_units", units);
        if (viewsId != null) {
          row.put(viewsId, k);
        }
        rows.add(row);
      }
    }
    return Grids.of(spec.parameters(), rows);
  }

  static Control control() {
    return Control.builder().threads(2).seed(3).build();
  }

  static List<Double> estimates(TuneResults res) {
    return res.metricRows().stream().map(MetricRow::estimate).toList();
  }

  @Test
  void oneViewWithoutTransformsIsThePlainPathBitForBit() {
    ImageSplit split = split();
    ModelSpec plain = spec();
    ModelSpec oneView = spec(Blocks.augmentation(1));
    TuneResults a = Tune.tuneGrid(plain, split.vfoldCv(3, 1), grid(plain, null, 0), control());
    TuneResults b = Tune.tuneGrid(oneView, split.vfoldCv(3, 1), grid(oneView, null, 0), control());
    assertEquals(18, a.metricRows().size(), "2 candidates × 3 folds × 3 metrics");
    assertEquals(estimates(a), estimates(b));
    LastFit fa = Tune.lastFit(plain.finalize(Map.of("dense_units", 16)), split, control());
    LastFit fb = Tune.lastFit(oneView.finalize(Map.of("dense_units", 16)), split, control());
    assertEquals(probabilities(fa.predictions()), probabilities(fb.predictions()));
    assertEquals(2, split.data().store().featurized(), "the plain features and view 1's, apart");
  }

  @Test
  void eachViewIsFeaturizedOnceCachedUnderItsOwnKeyAndTheViewCountTunes(@TempDir Path cache) throws IOException {
    ModelSpec spec = spec(Blocks.augmentation(tune()), Blocks.randomFlip("horizontal"), Blocks.randomCrop(2),
        Blocks.randomBrightness(0.1).with("value_max", 1.0));
    Grid grid = grid(spec, "aug0_views", 1, 3, 2);
    ImageSplit split = split().withFeatureCache(FeatureCache.at(cache));
    TuneResults res = Tune.tuneGrid(spec, split.vfoldCv(3, 1), grid, control());
    List<Map<String, Object>> configs = res.metricSummaries().stream().filter(m -> m.metric().equals("accuracy"))
        .map(m -> m.params()).toList();
    assertEquals(6, configs.size(), "one candidate per (units, views)");
    assertEquals(List.of(1, 2, 3), configs.stream().map(p -> ((Number) p.get("aug0_views")).intValue()).distinct()
        .sorted().toList());
    Tune.lastFit(spec.finalize(Map.of("dense_units", 8, "aug0_views", 3)), split, control());
    List<FeaturizeStats> stats = split.data().store().entries().stream().map(FeatureStore.Entry::stats).toList();
    assertEquals(4, stats.size(), "the plain image and views 1, 2, 3: views 1 and 2 shared by every view count");
    for (FeaturizeStats s : stats) {
      assertEquals(80, s.rows());
      assertEquals(80, s.computed(), "each view of each image through the backbone once, for tuning and last fit");
    }
    assertEquals(4, shardFolders(cache), "one cache store per view");
    List<String> log = split.featurizeLog();
    assertTrue(log.get(0).startsWith("featurized 80 of 80 images"), log.get(0));
    for (int v = 1; v <= 3; v++) {
      assertTrue(log.get(v).startsWith("view " + v + " augment(seed=1,view=" + v + ",transforms=[flip(horizontal),"
          + "crop(padding=2),brightness(factor=0.1,range=[0.0,1.0])]): featurized 80 of 80 images"), log.get(v));
    }
    ImageSplit again = split().withFeatureCache(FeatureCache.at(cache));
    TuneResults rerun = Tune.tuneGrid(spec, again.vfoldCv(3, 1), grid, control());
    assertEquals(estimates(res), estimates(rerun), "views read back from the cache train the same heads");
    for (FeatureStore.Entry e : again.data().store().entries()) {
      assertEquals(0, e.stats().computed(), "a rerun reads every view from the cache");
      assertEquals(80, e.stats().fromCache());
    }
    assertNotEquals(estimates(Tune.tuneGrid(spec, split.vfoldCv(3, 1), grid(spec, "aug0_views", 1), control())),
        estimates(Tune.tuneGrid(spec(), split.vfoldCv(3, 1), grid(spec(), null, 0), control())),
        "flipped, cropped and brightened views train other heads than the plain images");
  }

  @Test
  void featurizingASplitAheadFeaturizesItsViewsToo() {
    ImageSplit split = split();
    ModelSpec spec = spec(Blocks.augmentation(2), Blocks.randomFlip("vertical")).finalize(Map.of("dense_units", 8));
    FeaturizeStats stats = split.featurize(spec, 1, p -> { });
    assertEquals(3 * 80, stats.rows(), "the plain images and 2 views of each");
    assertEquals(3 * 80, stats.computed());
    assertEquals(3, split.data().store().featurized());
  }

  @Test
  void headsWithViewsScoreTogetherAsTheyDoAlone() {
    ImageSplit split = split();
    ModelSpec spec = spec(Blocks.augmentation(tune()), Blocks.randomFlip("horizontal"), Blocks.randomCrop(2));
    Grid grid = grid(spec, "aug0_views", 2, 3);
    Control one = Control.builder().threads(1).seed(13).build();
    TuneResults together = Tune.tuneGrid(spec, split.vfoldCv(3, 1), grid, one);
    for (var c : grid.candidates()) {
      TuneResults alone = Tune.tuneGrid(spec, split.vfoldCv(3, 1), Grids.of(spec.parameters(), List.of(c.values())),
          one);
      List<MetricRow> expected = alone.metricRows();
      List<MetricRow> actual = together.metricRows().stream().filter(r -> r.configId().equals(c.configId())).toList();
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).estimate(), actual.get(i).estimate(), TuneGridTest.TOGETHER_TOLERANCE,
            c.configId() + " " + expected.get(i).id() + " " + expected.get(i).metric());
      }
    }
  }

  @Test
  void testTimeAugmentationAveragesTheViewsProbabilities() {
    ImageSplit split = split();
    ModelSpec spec = spec(Blocks.augmentation(2), Blocks.randomFlip("horizontal"), Blocks.randomCrop(3));
    ModelSpec fin = spec.finalize(Map.of("dense_units", 16));
    LastFit fit = Tune.lastFit(fin, split, control());
    ViewPredictions tta = split.predictWithViews(fit, 3);
    assertEquals(3, tta.views());
    assertEquals(probabilities(fit.predictions()), probabilities(tta.plain()), "the plain prediction beside it");
    Augmentation aug = SpecCompiler.augmentation(fin).orElseThrow();
    FittedTransferModel model = (FittedTransferModel) fit.model().unwrap();
    int[] testing = split.testing();
    double[][] hand = new double[testing.length][tta.averaged().numLevels()];
    for (int v = 1; v <= 3; v++) {
      ImageSet images = ImageSources.toImageSet(ImageSources.subset(aug.view(split.source(), v), testing));
      double[][] p = model.predict(images).probabilities();
      for (int i = 0; i < hand.length; i++) {
        for (int k = 0; k < hand[i].length; k++) {
          hand[i][k] += p[i][k];
        }
      }
    }
    boolean differs = false;
    for (int i = 0; i < hand.length; i++) {
      for (int k = 0; k < hand[i].length; k++) {
        assertEquals(hand[i][k] / 3, tta.averaged().probability(i, k), TTA_TOL, "row " + i + " class " + k);
        differs |= Math.abs(tta.averaged().probability(i, k) - tta.plain().probability(i, k)) > TTA_TOL;
      }
    }
    assertTrue(differs, "the averaged views predict otherwise than the plain images");
    assertEquals(4, split.data().store().featurized(), "view 3, beyond the spec's 2, was featurized for the test");
    ModelSpec plain = spec().finalize(Map.of("dense_units", 16));
    LastFit plainFit = Tune.lastFit(plain, split, control());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> split.predictWithViews(plainFit, 2)).getMessage()
        .startsWith("spec \"augmented\" has no augmentation block"));
    assertEquals("test-time augmentation views = 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> split.predictWithViews(fit, 0)).getMessage());
  }

  static List<List<Double>> probabilities(ClassPredictions p) {
    List<List<Double>> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      List<Double> row = new ArrayList<>();
      for (int k = 0; k < p.numLevels(); k++) {
        row.add(p.probability(i, k));
      }
      out.add(row);
    }
    return out;
  }

  private static long shardFolders(Path cache) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith("shards-")).count();
    }
  }
}
