package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.transfer.FittedWholeGraph;
import org.tune4j.models.weights.Weights;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.ResampledData;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.TuneResults;

/**
 * Specs that cannot be cut (a trainable ResNet50, random weights) run on the plain path through
 * the tuning engine: they are scored, never featurized, and the engine says why once.
 */
class PlainPathTest {
  static final String WARNING = "spec \"trainable_base\" cannot be cut (its backbone \"base\" is trainable): every fit"
      + " trains the whole graph on the images, much slower than training heads on cached features";

  static ImageSet prepare(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  static ModelSpec spec() {
    return ModelSpec.sequential("trainable_base")
        .block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)).with("frozen", false))
        .block("pool", Blocks.globalAveragePooling())
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(1).batchSize(16))
        .compile(Compile.adam().learnRate(tune()));
  }

  @Test
  void tuneGridScoresATrainableBackboneOnThePlainPathAndWarnsOnce() {
    ImageSet data = prepare(EmbeddedSample.fashionMnist().train().firstPerClass(3));
    List<String> warnings = new CopyOnWriteArrayList<>();
    FeatureStore store = new FeatureStore(ImageSources.of(data));
    ResampledData folds = new ImageData(store, ImageData.identity(data.size()), warnings::add)
        .resamples(Resampling.vfoldCv(Strata.of(data.labels()), 2).seed(4).build());
    Grid grid = Grids.of(spec().parameters(), List.of(Map.of("learn_rate", 1e-3), Map.of("learn_rate", 1e-2)));
    TuneResults res = Tune.tuneGrid(spec(), folds, grid, Control.builder().threads(2).seed(7).savePred(true).build());
    assertTrue(res.noteRows().stream().noneMatch(Note::isError), res.noteRows().toString());
    assertEquals(2 * 2 * 3, res.metricRows().size(), "two candidates, two folds, three metrics");
    assertTrue(res.metricRows().stream().allMatch(r -> Double.isFinite(r.estimate())), res.metricRows().toString());
    assertEquals(2 * 30, res.predictionRows().size(), "every row assessed once per candidate");
    assertEquals(List.of(WARNING), warnings);
    assertEquals(0, store.featurized(), "a spec that cannot be cut is never featurized");
  }

  @Test
  void lastFitReturnsTheTrainedWholeGraph() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSplit split = ImageSplit.of(new TrainTest(prepare(sample.train().firstPerClass(2)),
        prepare(sample.test().firstPerClass(1))));
    LastFit fit = Tune.lastFit(spec().finalize(Map.of("learn_rate", 1e-3)), split, Control.builder().seed(2).build());
    assertEquals(10, fit.predictions().size());
    FittedWholeGraph model = (FittedWholeGraph) fit.model().unwrap();
    assertFalse(model.model().frozenBackbone());
    assertEquals(1, model.history().size());
    assertEquals(10, model.predict(split.testingImages()).size());
  }
}
