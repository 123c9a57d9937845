package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.Decision;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.bayes.BayesOptions;

/** Bayesian search through the engine: initial design, proposals named Iter1…, journaled numbers, deterministic. */
class BayesTest {
  final FakeSpec spec = FakeSpec.of(TuneTest.UNITS);
  final Control.Builder control = Control.builder().threads(2).seed(5).metrics(MetricSet.parse("accuracy"));

  @Test
  void proposalsClimbTowardsTheBestUnitsAndAreNamedAsTuneNamesThem() {
    List<Round> rounds = new ArrayList<>();
    TuneResults res = Tune.tuneBayes(spec, TuneTest.data(new FakeEngine(300), 3), BayesOptions.defaults().initial(3)
        .iter(6), control.onRoundDecided(rounds::add).build());
    assertEquals(3, rounds.get(0).candidates().size(), "the initial design");
    assertTrue(rounds.get(0).message().startsWith("Optimizing accuracy using "), rounds.get(0).message());
    assertEquals("Iter1", rounds.get(1).candidates().get(0).configId());
    Decision first = rounds.get(1).decisions().stream().filter(d -> d.kind().equals("propose")).findFirst()
        .orElseThrow();
    assertEquals("Iter1", first.configId());
    assertTrue(first.values().containsKey("objective") && first.values().containsKey("sd"), first.toString());
    assertTrue(rounds.get(1).message().startsWith("Iteration 1: Iter1 ("), rounds.get(1).message());
    assertTrue(rounds.size() <= 7, "at most iter rounds after the initial one");
    MetricSummary best = res.metricSummaries().stream().max(java.util.Comparator.comparingDouble(MetricSummary::mean))
        .orElseThrow();
    assertTrue(((Number) best.params().get("units")).intValue() >= 12, "the fake skill grows with units: " + best);
    for (Round r : rounds) {
      assertEquals(List.of(0, 1, 2), r.resamples(), "every candidate on every resample");
    }
  }

  @Test
  void theSameSeedGivesTheSameSearchWhateverTheThreadsAndBatchesKeepThreadsBusy() {
    BayesOptions o = BayesOptions.defaults().initial(3).iter(3);
    TuneResults one = Tune.tuneBayes(spec, TuneTest.data(new FakeEngine(150), 3), o, control.threads(1).build());
    TuneResults two = Tune.tuneBayes(spec, TuneTest.data(new FakeEngine(150), 3), o, control.threads(2).build());
    assertEquals(one, two);
    List<Round> rounds = new ArrayList<>();
    Tune.tuneBayes(spec, TuneTest.data(new FakeEngine(150), 3), o.batch(2), control.onRoundDecided(rounds::add)
        .build());
    assertEquals(List.of("Iter1", "Iter2"), rounds.get(1).candidates().stream().map(c -> c.configId()).toList());
  }

  @Test
  void anEarlierGridStandsForTheInitialDesignWithoutBeingRefittedAndIsPartOfTheResults() {
    FakeEngine gridEngine = new FakeEngine(300);
    ResampledData gridData = TuneTest.data(gridEngine, 3);
    TuneResults grid = Tune.tuneGrid(spec, gridData, Grids.regular(spec.parameters(), 4), control.build());
    FakeEngine engine = new FakeEngine(300);
    List<Round> rounds = new ArrayList<>();
    TuneResults res = Tune.tuneBayes(spec, TuneTest.data(engine, 3), grid, BayesOptions.defaults().iter(3),
        control.onRoundDecided(rounds::add).build());
    assertEquals(grid.metricRows().stream().map(r -> r.configId()).distinct().toList(),
        rounds.get(0).candidates().stream().map(c -> c.configId()).toList(), "round 1 is the grid's candidates");
    // units 13 always fails in the fake: it has no estimate to learn from, but its notes stay in the results
    assertTrue(rounds.get(0).message().contains("from 3 earlier candidates"), rounds.get(0).message());
    assertTrue(res.noteRows().containsAll(grid.noteRows()) && !grid.noteRows().isEmpty());
    assertEquals("Iter1", rounds.get(1).candidates().get(0).configId());
    int proposals = rounds.stream().skip(1).mapToInt(r -> r.candidates().size()).sum();
    assertEquals(proposals * 3, engine.fits.get(), "only the proposals are fitted, on each of the 3 folds");
    assertTrue(res.metricRows().containsAll(grid.metricRows()), "the grid's rows are part of the results");
    assertEquals(3 + proposals, res.metricSummaries().size());
  }

  @Test
  void earlierResultsFromOtherResamplesOrMetricsAreRefusedBeforeAnyFit() {
    TuneResults grid = Tune.tuneGrid(spec, TuneTest.data(new FakeEngine(300), 3), Grids.regular(spec.parameters(), 3),
        control.build());
    FakeEngine engine = new FakeEngine(300);
    String other = assertThrows(IllegalArgumentException.class, () -> Tune.tuneBayes(spec, TuneTest.data(engine, 4),
        grid, BayesOptions.defaults(), control.build())).getMessage();
    assertTrue(other.contains("other resamples") && other.contains("same resamples"), other);
    String metrics = assertThrows(IllegalArgumentException.class, () -> Tune.tuneBayes(spec, TuneTest.data(engine,
        3), grid, BayesOptions.defaults(), control.metrics(MetricSet.parse("accuracy,kap")).build())).getMessage();
    assertTrue(metrics.contains("[accuracy]") && metrics.contains("[accuracy, kap]"), metrics);
    assertEquals(0, engine.fits.get());
    TuneResults one = Tune.tuneGrid(spec, TuneTest.data(new FakeEngine(300), 3), Grids.regular(spec.parameters(), 1),
        control.build());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Tune.tuneBayes(spec, TuneTest.data(engine, 3), one,
        BayesOptions.defaults(), control.build())).getMessage().contains("1 candidate with estimates"));
  }

  @Test
  void badOptionsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().initial(1)).getMessage()
        .contains("initial = 1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().iter(0)).getMessage()
        .contains("iter = 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().batch(0)).getMessage()
        .contains("batch = 0"));
  }
}
