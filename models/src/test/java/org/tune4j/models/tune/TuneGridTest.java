package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.tuning.engine.ResampledData;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.TuneResults;

/** tuneGrid end to end on the embedded sample with a frozen ResNet50 (random weights). */
class TuneGridTest {
  static ImageSplit split;
  static ResampledData folds;

  static ImageSet prepare(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  @BeforeAll
  static void data() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    split = ImageSplit.of(new TrainTest(prepare(sample.train().firstPerClass(30)), prepare(sample.test().firstPerClass(10))));
    folds = split.vfoldCv(3, 42);
  }

  static ModelSpec spec() {
    return ModelSpec.functional("resnet_transfer")
        .block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("dropout", Blocks.dropout(tune()), "dense")
        .block("output", Blocks.softmaxOutput(), "dropout")
        .fit(Fit.epochs(3).batchSize(32))
        .compile(Compile.adam().learnRate(tune()))
        .update("dense_units", Parameters.hiddenUnits(8, 64));
  }

  static Grid grid(ModelSpec spec) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int units : new int[] {16, 64}) {
      for (double drop : new double[] {0.0, 0.3}) {
        for (double lr : new double[] {1e-3, 1e-2}) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("dense_units", units);
          row.put("dropout_rate", drop);
          row.put("learn_rate", lr);
          rows.add(row);
        }
      }
    }
    return Grids.of(spec.parameters(), rows);
  }

  @Test
  void eightCandidatesOnThreeFoldsAreRankedAndBeatTheMajorityClass() {
    List<Progress> progress = new ArrayList<>();
    TuneResults res = Tune.tuneGrid(spec(), folds, grid(spec()),
        Control.builder().threads(2).seed(7).savePred(true).progress(progress::add).build());
    List<Progress> tasks = progress.stream().filter(p -> p.unit().equals(Progress.TASKS)).toList();
    assertEquals(24, tasks.size());
    assertEquals(24, tasks.get(23).completed());
    List<Progress> images = progress.stream().filter(p -> p.unit().equals(Progress.IMAGES)).toList();
    assertTrue(!images.isEmpty() && images.get(images.size() - 1).completed() == 400, "featurizing progress "
        + images);
    List<MetricRow> perFold = res.metricRows();
    assertEquals(8 * 3 * 3, perFold.size());
    var best = res.selectBest("accuracy");
    double bestAccuracy = res.showBest("accuracy", 1).getDouble(0, "mean");
    assertTrue(bestAccuracy > 0.25, "best mean accuracy " + bestAccuracy + " vs majority share 0.1");
    assertEquals(best.configId(), res.showBest("accuracy", 1).getString(0, "config"));
    assertEquals(8 * 300, res.predictionRows().size(), "every training row assessed once per candidate");
    assertTrue(res.noteRows().stream().noneMatch(Note::isError), res.noteRows().toString());
  }

  @Test
  void oneAndTwoThreadsGiveIdenticalTables() {
    ModelSpec spec = spec();
    Grid grid = Grids.regular(spec.parameters(), new int[] {2, 1, 2});
    TuneResults one = Tune.tuneGrid(spec, folds, grid, Control.builder().threads(1).seed(3).build());
    TuneResults two = Tune.tuneGrid(spec, folds, grid, Control.builder().threads(2).seed(3).build());
    assertEquals(one.metricRows(), two.metricRows());
    assertEquals(one, two);
  }

  @Test
  void aCandidateThatCannotBeBuiltBecomesANoteAndTheOthersGoOn() {
    ModelSpec spec = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)).with("pooling", tune()))
        .block("pool", Blocks.globalAveragePooling())
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(2));
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("base_pooling", "none"), Map.of("base_pooling", "avg")));
    TuneResults res = Tune.tuneGrid(spec, folds, grid, Control.builder().seed(1).build());
    List<Note> errors = res.noteRows().stream().filter(Note::isError).toList();
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.stream().allMatch(n -> n.configId().equals("Model2") && n.stage().equals("fit")));
    assertTrue(errors.get(0).message().contains("the backbone already pools it"), errors.get(0).message());
    assertTrue(res.metricRows().stream().allMatch(r -> r.configId().equals("Model1")));
  }

  @Test
  void theEpochTrickGivesTheNumbersOfSeparateRuns() {
    ModelSpec tuned = spec().fit(Fit.epochs(tune()).batchSize(32))
        .update("fit_epochs", Parameters.epochs().withRange(1, 3));
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int epochs : new int[] {1, 3, 2}) {
      rows.add(Map.of("dense_units", 16, "dropout_rate", 0.3, "learn_rate", 0.01, "fit_epochs", epochs));
    }
    Grid grid = Grids.of(tuned.parameters(), rows);
    TuneResults together = Tune.tuneGrid(tuned, folds, grid, Control.builder().seed(5).build());
    for (var c : grid.candidates()) {
      ModelSpec alone = spec().fit(Fit.epochs(c.value("fit_epochs")).batchSize(32));
      Grid one = Grids.of(alone.parameters(), List.of(Map.of("dense_units", 16, "dropout_rate", 0.3, "learn_rate", 0.01)));
      TuneResults separate = Tune.tuneGrid(alone, folds, one, Control.builder().seed(5).build());
      List<Double> expected = separate.metricRows().stream().map(MetricRow::estimate).toList();
      List<Double> actual = together.metricRows().stream().filter(r -> r.configId().equals(c.configId()))
          .map(MetricRow::estimate).toList();
      assertEquals(expected, actual, c.configId() + " with " + c.value("fit_epochs") + " epochs");
    }
  }

  @Test
  void lastFitScoresTheTestImages() {
    ModelSpec best = spec().finalize(Map.of("dense_units", 64, "dropout_rate", 0.0, "learn_rate", 0.01));
    LastFit fit = Tune.lastFit(best, split, Control.builder().seed(2).build());
    assertEquals(100, fit.predictions().size());
    assertEquals(List.of("roc_auc", "accuracy", "brier_class"),
        fit.metrics().rows().stream().map(r -> r.metric()).toList());
    assertTrue(fit.metrics().estimate("accuracy") > 0.2, fit.metrics().toString());
    FittedTransferModel model = (FittedTransferModel) fit.model().unwrap();
    assertEquals(100, model.predict(split.testingImages()).size());
    assertFalse(fit.collectPredictions().isEmpty());
  }

  /**
   * A diverging candidate follows one rule whether or not epochs are logged: its checkpoints whose predictions are
   * NaN become error notes, the candidates trained beside it keep their metrics, and the tables are equal.
   */
  @Test
  void divergenceGivesTheSameTablesWithAndWithoutTheEpochLog() {
    ModelSpec spec = spec().update("learn_rate", Parameters.learnRate().withRange(-3, 30));
    List<Map<String, ?>> rows = List.of(
        Map.of("dense_units", 16, "dropout_rate", 0.0, "learn_rate", 1e-2),
        Map.of("dense_units", 16, "dropout_rate", 0.0, "learn_rate", 1e30));
    Grid grid = Grids.of(spec.parameters(), rows);
    List<String> logged = new ArrayList<>();
    TuneResults quiet = Tune.tuneGrid(spec, folds, grid, Control.builder().seed(4).build());
    TuneResults verbose = Tune.tuneGrid(spec, folds, grid, Control.builder().seed(4).verbose(logged::add).build());
    assertFalse(logged.isEmpty(), "the epoch log was written");
    assertEquals(quiet.metricRows(), verbose.metricRows());
    assertEquals(quiet.noteRows(), verbose.noteRows());
    List<Note> errors = quiet.noteRows().stream().filter(Note::isError).toList();
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.stream().allMatch(n -> n.configId().equals("Model2") && n.message().contains("training diverged")),
        errors.toString());
    assertEquals(3 * 3, quiet.metricRows().stream().filter(r -> r.configId().equals("Model1")).count());
  }

  /** Each candidate's metrics when the grid's heads train together equal its metrics when tuned alone. */
  @Test
  void headsTrainedTogetherScoreAsTheyDoAlone() {
    ModelSpec spec = spec();
    Grid grid = grid(spec);
    TuneResults together = Tune.tuneGrid(spec, folds, grid, Control.builder().threads(1).seed(13).build());
    for (var c : grid.candidates().subList(0, 3)) {
      TuneResults alone = Tune.tuneGrid(spec, folds, Grids.of(spec.parameters(), List.of(c.values())),
          Control.builder().threads(1).seed(13).build());
      List<MetricRow> expected = alone.metricRows();
      List<MetricRow> actual = together.metricRows().stream().filter(r -> r.configId().equals(c.configId())).toList();
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).estimate(), actual.get(i).estimate(), TOGETHER_TOLERANCE,
            c.configId() + " " + expected.get(i).id() + " " + expected.get(i).metric());
      }
    }
  }

  /** Heads trained together share one wide matrix product, so sums may run in another order. */
  static final double TOGETHER_TOLERANCE = 1e-6;
}
