package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.Transform;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.TuneResults;

class TuneTest {
  static final NumericParameter UNITS = NumericParameter.ofInteger("units", "# Units", 1, 20, Transform.IDENTITY);
  static final NumericParameter EPOCHS = Parameters.epochs().withId("fit_epochs").withRange(1, 5);

  static ResampledData data(FakeEngine engine, int v) {
    Resamples r = Resampling.vfoldCv(engine.size(), v).seed(11).build();
    return ResampledData.of(engine, r);
  }

  @Test
  void everyCandidateIsScoredOnEveryResampleInGridOrder() {
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2), Map.of("units", 10), Map.of("units", 5)));
    TuneResults res = Tune.tuneGrid(spec, data(new FakeEngine(90), 3), grid, Control.builder().threads(2).build());
    assertEquals(3 * 3 * 3, res.metricRows().size());
    assertEquals(List.of("Model1", "Model2", "Model3"),
        res.metricRows().stream().map(r -> r.configId()).distinct().toList());
    assertEquals(List.of("Fold1", "Fold1", "Fold1", "Fold2"),
        res.metricRows().subList(0, 4).stream().map(r -> r.id()).toList());
    assertEquals("Model2", res.selectBest("accuracy").configId());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.regular(spec.parameters(), 7);
    TuneResults one = Tune.tuneGrid(spec, data(new FakeEngine(120), 5), grid, Control.builder().threads(1).seed(4).build());
    TuneResults four = Tune.tuneGrid(spec, data(new FakeEngine(120), 5), grid, Control.builder().threads(4).seed(4).build());
    assertEquals(one, four);
    TuneResults otherSeed = Tune.tuneGrid(spec, data(new FakeEngine(120), 5), grid, Control.builder().seed(5).build());
    assertTrue(!one.metricRows().equals(otherSeed.metricRows()), "the seed must matter");
  }

  @Test
  void aFailingFitBecomesAnErrorNoteAndTheRunGoesOn() {
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2), Map.of("units", FakeEngine.FAILING_UNITS)));
    TuneResults res = Tune.tuneGrid(spec, data(new FakeEngine(60), 3), grid, Control.defaults());
    List<Note> errors = res.noteRows().stream().filter(Note::isError).toList();
    assertEquals(List.of("Model2", "Model2", "Model2"), errors.stream().map(Note::configId).toList());
    assertEquals(List.of("Fold1", "Fold2", "Fold3"), errors.stream().map(Note::id).toList());
    assertEquals("units 13 is unlucky", errors.get(0).message());
    assertEquals("fit", errors.get(0).stage());
    assertTrue(res.metricRows().stream().allMatch(r -> r.configId().equals("Model1")));
  }

  @Test
  void whenEveryFitFailsTheErrorPointsAtTheNotes() {
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", FakeEngine.FAILING_UNITS)));
    AllModelsFailedException e = assertThrows(AllModelsFailedException.class,
        () -> Tune.tuneGrid(spec, data(new FakeEngine(60), 3), grid, Control.defaults()));
    assertEquals("all 3 fits failed; see notes(): the first says: Model1 on Fold1 (fit): units 13 is unlucky",
        e.getMessage());
    assertEquals(3, e.notes().size());
  }

  @Test
  void candidatesDifferingOnlyInEpochsShareOneFitPerResample() {
    FakeSpec spec = FakeSpec.of(UNITS, EPOCHS);
    Grid grid = Grids.regular(spec.parameters(), new int[] {2, 5});  // units {1, 20} × epochs 1..5
    FakeEngine engine = new FakeEngine(60);
    TuneResults together = Tune.tuneGrid(spec, data(engine, 3), grid, Control.builder().seed(9).build());
    assertEquals(2 * 3, engine.fits.get(), "one fit per units value per fold");
    for (var c : grid.candidates()) {
      FakeSpec alone = FakeSpec.of(UNITS);
      alone = new FakeSpec(alone.parameters(), Map.of("fit_epochs", c.value("fit_epochs")));
      Grid one = Grids.of(alone.parameters(), List.of(Map.of("units", c.value("units"))));
      TuneResults separate = Tune.tuneGrid(alone, data(new FakeEngine(60), 3), one, Control.builder().seed(9).build());
      assertEquals(separate.metricRows().stream().map(r -> r.estimate()).toList(),
          together.metricRows().stream().filter(r -> r.configId().equals(c.configId())).map(r -> r.estimate()).toList(),
          c.toString());
    }
  }

  @Test
  void progressCountsTasksWithRateAndEta() {
    AtomicLong clock = new AtomicLong();
    List<Progress> seen = Collections.synchronizedList(new ArrayList<>());
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.regular(spec.parameters(), 2);
    Tune.tuneGrid(spec, data(new FakeEngine(30), 3), grid, Control.builder().threads(1)
        .nanoClock(() -> clock.addAndGet(1_000_000_000L)).progress(seen::add).build());
    assertEquals(6, seen.size());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), seen.stream().map(Progress::completed).toList());
    assertEquals(6, seen.get(5).total());
    Progress third = seen.get(2);
    assertEquals(1.0, third.rate(), 1e-12);
    assertEquals(3.0, third.etaSeconds(), 1e-12);
    assertEquals("[3/6] 50.0% 1.00 tasks/s ETA 3s", third.format());
    assertEquals("[0/6] 0.0% 0.00 tasks/s ETA --", new Progress(0, 6, 0).format());
    assertEquals("ETA 2m05s", new Progress(1, 126, 1_000_000_000L).format().replaceAll(".* (ETA .*)", "$1"));
  }

  @Test
  void verboseLogsEveryEpochWithTheCandidateAndResample() {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2)));
    Tune.tuneGrid(spec, data(new FakeEngine(30), 2), grid, Control.builder().threads(1).verbose(lines::add).build());
    assertEquals(List.of("Model1 Fold1: Epoch 1/1", "Model1 Fold2: Epoch 1/1"), lines);
  }

  @Test
  void fitResamplesAndLastFitTakeFinalSpecs() {
    FakeSpec done = FakeSpec.of(UNITS).finalize(Map.of("units", 4));
    TuneResults res = Tune.fitResamples(done, data(new FakeEngine(30), 3));
    assertEquals(List.of(Tune.SINGLE_CONFIG), res.metricRows().stream().map(r -> r.configId()).distinct().toList());
    FakeEngine engine = new FakeEngine(30);
    SplitData split = new SplitData() {
      @Override
      public ModelData data() {
        return engine;
      }

      @Override
      public int[] training() {
        return java.util.stream.IntStream.range(0, 20).toArray();
      }

      @Override
      public int[] testing() {
        return java.util.stream.IntStream.range(20, 30).toArray();
      }
    };
    LastFit fit = Tune.lastFit(done, split);
    assertEquals(10, fit.predictions().size());
    assertEquals(20, fit.collectPredictions().get(0).row());
    assertEquals(3, fit.collectMetrics().size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tune.lastFit(FakeSpec.of(UNITS), split));
    assertEquals("lastFit needs a final spec, but spec \"fake\" still tunes [units]; use"
        + " spec.finalize(results.selectBest(...)) or tuneGrid", e.getMessage());
  }

  @Test
  void resamplesOfOtherDataAreRefused() {
    FakeSpec spec = FakeSpec.of(UNITS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tune.tuneGrid(spec, ResampledData.of(new FakeEngine(40), Resampling.vfoldCv(30, 3).seed(1).build()),
            Grids.regular(spec.parameters(), 2)));
    assertEquals("the resamples index 30 rows but the data has 40; make the resamples from this data", e.getMessage());
  }

  @Test
  void aResumedRunSkipsFinishedTasksAndEqualsAnUninterruptedOne() {
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.regular(spec.parameters(), 4);
    List<TaskOutcome> journal = Collections.synchronizedList(new ArrayList<>());
    TuneResults full = Tune.tuneGrid(spec, data(new FakeEngine(60), 3), grid,
        Control.builder().threads(2).seed(8).onTaskDone(journal::add).build());
    assertEquals(12, journal.size());
    assertEquals(12, journal.stream().map(TaskOutcome::key).distinct().count());
    assertTrue(journal.stream().anyMatch(o -> o.key().equals("Model1@Fold2")), journal.toString());
    List<TaskOutcome> firstFive = new ArrayList<>(journal.subList(0, 5));
    FakeEngine engine = new FakeEngine(60);
    List<Progress> progress = new ArrayList<>();
    TuneResults resumed = Tune.tuneGrid(spec, data(engine, 3), grid,
        Control.builder().threads(2).seed(8).completed(firstFive).progress(progress::add).build());
    assertEquals(7, engine.fits.get(), "only the unfinished tasks run");
    assertEquals(6, progress.get(0).completed(), "progress counts the resumed tasks as done");
    assertEquals(full, resumed);
  }

  /** An engine that trains up to three specs per call (the default one-by-one implementation). */
  static final class BatchingEngine extends FakeEngine {
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    BatchingEngine(int n) {
      super(n);
    }

    @Override
    public int maxSpecsPerFit() {
      return 3;
    }

    @Override
    public List<FitResult> fitAndPredictTogether(List<org.tune4j.tuning.spec.TunableSpec> specs, int[] analysis,
        int[] assessment, List<int[]> checkpoints, long seed, java.util.function.Consumer<String> log) {
      calls.incrementAndGet();
      return super.fitAndPredictTogether(specs, analysis, assessment, checkpoints, seed, log);
    }
  }

  @Test
  void enginesThatTrainSeveralSpecsTogetherGiveTheSameResults() {
    FakeSpec spec = FakeSpec.of(UNITS);
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int u : new int[] {1, 4, FakeEngine.FAILING_UNITS, 7, 9, 11, 15}) {
      rows.add(Map.of("units", u));
    }
    Grid grid = Grids.of(spec.parameters(), rows);
    TuneResults alone = Tune.tuneGrid(spec, data(new FakeEngine(60), 3), grid, Control.builder().seed(2).build());
    BatchingEngine engine = new BatchingEngine(60);
    List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
    TuneResults together = Tune.tuneGrid(spec, data(engine, 3), grid,
        Control.builder().threads(2).seed(2).progress(progress::add).build());
    assertEquals(alone, together);
    assertEquals(3 * 3, engine.calls.get(), "7 candidates in calls of at most 3, on each of 3 folds");
    assertEquals(21, progress.size(), "progress still counts every candidate on every fold");
    assertEquals(3, together.noteRows().stream().filter(Note::isError).count(), "only the failing spec fails");
  }

  @Test
  void aResumedBatchedRunTrainsPendingGroupsWithTheirUsualCompanions() {
    FakeSpec spec = FakeSpec.of(UNITS);
    Grid grid = Grids.regular(spec.parameters(), 7);   // 7 groups: chunks {1,2,3} {4,5,6} {7} per fold
    List<TaskOutcome> journal = Collections.synchronizedList(new ArrayList<>());
    TuneResults full = Tune.tuneGrid(spec, data(new BatchingEngine(60), 2), grid,
        Control.builder().threads(1).seed(5).onTaskDone(journal::add).build());
    List<TaskOutcome> firstFour = new ArrayList<>(journal.subList(0, 4));  // fold 1: chunk 1 whole, chunk 2 begun
    BatchingEngine engine = new BatchingEngine(60);
    List<TaskOutcome> resumedJournal = Collections.synchronizedList(new ArrayList<>());
    TuneResults resumed = Tune.tuneGrid(spec, data(engine, 2), grid,
        Control.builder().threads(1).seed(5).completed(firstFour).onTaskDone(resumedJournal::add).build());
    assertEquals(full, resumed);
    assertEquals(2 + 3, engine.calls.get(), "fold 1: chunks 2 and 3 (chunk 1 is done); fold 2: all three");
    assertEquals(14 - 4, resumedJournal.size(), "no finished task is journaled twice");
  }
}
