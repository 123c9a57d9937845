package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.ResampledData;
import org.tune4j.tuning.engine.SplitData;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.results.TuneResults;

/** Resamples are plain row indices of an {@link ImageData}; its views share one feature store. */
class ImageDataTest {
  private static ImageSplit split() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSplit.of(new TrainTest(TuneGridTest.prepare(sample.train().firstPerClass(6)),
        TuneGridTest.prepare(sample.test().firstPerClass(2))));
  }

  @Test
  void anyResamplingOfTheTrainingRowsAndTheLastFitFeaturizeEachImageOnce() {
    ImageSplit split = split();
    ImageData train = split.trainingData();
    assertEquals(60, train.size());
    ModelSpec spec = TuneGridTest.spec();
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("dense_units", 16, "dropout_rate", 0.0, "learn_rate", 1e-2),
        Map.of("dense_units", 32, "dropout_rate", 0.2, "learn_rate", 1e-2)));
    Control control = Control.builder().threads(2).seed(3).build();
    TuneResults boot = Tune.tuneGrid(spec, train.resamples(Resampling.bootstraps(Strata.of(train.labels()), 3, 9)),
        grid, control);
    assertEquals(2 * 3, boot.metricSummaries().stream().filter(m -> m.metric().equals("accuracy"))
        .mapToInt(m -> m.n()).sum(), "2 candidates on 3 bootstraps");
    Tune.tuneGrid(spec, split.vfoldCv(3, 1), grid, control);
    LastFit fit = Tune.lastFit(spec.finalize(boot.selectBest("accuracy").values()), split, control);
    assertEquals(20, fit.predictions().size());
    assertEquals(1, train.store().featurized(), "one frozen prefix, shared by the views");
    FeaturizeStats stats = train.store().entries().get(0).stats();
    assertEquals(80, stats.rows(), "60 training + 20 test images");
    assertEquals(80, stats.computed(), "each through the backbone once, for two searches and a last fit");
  }

  @Test
  void viewsMapRowsAndBadRowsOrResamplesAreNamed() {
    ImageData data = split().data();
    ImageData view = data.rows(new int[] {70, 3, 65});
    assertEquals(List.of(data.labels()[70], data.labels()[3], data.labels()[65]),
        java.util.Arrays.stream(view.labels()).boxed().toList());
    assertEquals(data.labels()[3], view.rows(new int[] {1}).labels()[0], "a view of a view maps through both");
    String row = assertThrows(IllegalArgumentException.class, () -> view.rows(new int[] {0, 3})).getMessage();
    assertEquals("row 3 at position 1 is outside the data's 3 rows", row);
    String rows = assertThrows(IllegalArgumentException.class, () -> ResampledData.of(view,
        Resampling.vfoldCv(10, 2).seed(1).build())).getMessage();
    assertEquals("the resamples index 10 rows but the data has 3; make the resamples from this data", rows);
    String split = assertThrows(IllegalArgumentException.class, () -> SplitData.of(view,
        Resampling.initialSplit(12, 0.75, 1))).getMessage();
    assertTrue(split.startsWith("the split indexes 12 rows but the data has 3"), split);
  }
}
