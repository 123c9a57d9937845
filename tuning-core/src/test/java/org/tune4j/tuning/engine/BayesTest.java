package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
  void badOptionsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().initial(1)).getMessage()
        .contains("initial = 1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().iter(0)).getMessage()
        .contains("iter = 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BayesOptions.defaults().batch(0)).getMessage()
        .contains("batch = 0"));
  }
}
