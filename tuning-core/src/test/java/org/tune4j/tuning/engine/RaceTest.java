package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.Decision;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.race.RaceRules;
import org.tune4j.tuning.search.race.RacingOptions;
import org.tune4j.tuning.search.race.RacingSearch;

/** Races through the engine: fewer fits than the grid, the grid's best kept, the same table whatever the threads. */
class RaceTest {
  final FakeSpec spec = FakeSpec.of(TuneTest.UNITS);
  /** Fake skill grows with units: units 14 is clearly the best, units 1-2 clearly the worst. */
  final Grid grid = Grids.of(spec.parameters(), IntStream.of(1, 2, 4, 6, 8, 10, 12, 14).mapToObj(u ->
      Map.<String, Object>of("units", u)).toList());
  final Control.Builder control = Control.builder().threads(2).seed(3).metrics(MetricSet.parse("accuracy,roc_auc"));

  static int fits(TuneResults r) {
    return r.metricSummaries().stream().filter(m -> m.metric().equals("accuracy")).mapToInt(MetricSummary::n).sum();
  }

  @Test
  void aRaceKeepsTheGridsBestWithFewerFits() {
    TuneResults full = Tune.tuneGrid(spec, TuneTest.data(new FakeEngine(600), 10), grid, control.build());
    List<Round> rounds = new ArrayList<>();
    FakeEngine engine = new FakeEngine(600);
    TuneResults race = Tune.search(spec, TuneTest.data(engine, 10), RacingSearch.of(grid, RaceRules.anova(),
        RacingOptions.defaults()), control.onRoundDecided(rounds::add).build());
    assertEquals(full.selectBest("accuracy").configId(), race.selectBest("accuracy").configId());
    assertEquals("Model8", race.selectBest("accuracy").configId());
    assertTrue(fits(race) < fits(full) / 2, fits(race) + " fits against the grid's " + fits(full));
    assertEquals(fits(race), engine.fits.get(), "every fit is one task here (no epoch groups)");
    assertEquals(8 * 3, rounds.get(0).pairs(), "burn-in: every candidate on 3 resamples");
    assertTrue(rounds.get(0).message().startsWith("Racing will maximize the accuracy metric."), rounds.get(0).message());
    Round second = rounds.get(1);
    assertTrue(second.candidates().size() < 8, "the worst are dropped after the burn-in: " + second.message());
    assertTrue(second.message().matches("Fold\\d+: \\d+ eliminated; \\d+ candidates remain\\.")
        || second.message().endsWith("All but one parameter combination were eliminated."), second.message());
    Decision dropped = second.decisions().stream().filter(d -> d.kind().equals("eliminate")).findFirst().orElseThrow();
    assertTrue(dropped.value("upper") < 0, "a dropped candidate's interval lies below the best: " + dropped);
    // every candidate on the resamples it raced, each resample once; the winner on all ten
    assertEquals(10, race.metricSummaries().stream().filter(m -> m.configId().equals("Model8")
        && m.metric().equals("accuracy")).findFirst().orElseThrow().n());
    // its rows equal the grid's for the same candidate and resample: the same seeds per resample
    assertEquals(full.metricRows().stream().filter(r -> r.configId().equals("Model8")).sorted(
        java.util.Comparator.comparing(r -> r.id() + r.metric())).toList(), race.metricRows().stream()
        .filter(r -> r.configId().equals("Model8")).sorted(java.util.Comparator.comparing(r -> r.id() + r.metric()))
        .toList());
  }

  @Test
  void aRaceIsTheSameWhateverTheThreadCountAndFollowsTheSeed() {
    RacingSearch race = RacingSearch.of(grid, RaceRules.anova(), RacingOptions.defaults());
    TuneResults one = Tune.search(spec, TuneTest.data(new FakeEngine(300), 8), race, control.threads(1).build());
    TuneResults four = Tune.search(spec, TuneTest.data(new FakeEngine(300), 8), race, control.threads(4).build());
    assertEquals(one, four);
    List<Round> a = new ArrayList<>();
    List<Round> b = new ArrayList<>();
    Tune.search(spec, TuneTest.data(new FakeEngine(300), 8), race, control.seed(3).onRoundDecided(a::add).build());
    Tune.search(spec, TuneTest.data(new FakeEngine(300), 8), race, control.seed(4).onRoundDecided(b::add).build());
    assertNotEquals(a.get(0).resamples(), b.get(0).resamples(), "randomize: the seed shuffles the resample order");
    List<Round> plain = new ArrayList<>();
    Tune.search(spec, TuneTest.data(new FakeEngine(300), 8), RacingSearch.of(grid, RaceRules.anova(),
        RacingOptions.defaults().randomize(false)), control.onRoundDecided(plain::add).build());
    assertEquals(List.of(0, 1, 2), plain.get(0).resamples());
  }

  @Test
  void identicalCandidatesRaceToTheEndWithoutACrash() {
    // one parameter value twice over is not a grid; the fake engine ignores "units" above 15 (skill capped)
    Grid same = Grids.of(spec.parameters(), List.of(Map.of("units", 16), Map.of("units", 17), Map.of("units", 18)));
    List<Round> rounds = new ArrayList<>();
    TuneResults res = Tune.search(spec, TuneTest.data(new FakeEngine(120), 5), RacingSearch.of(same,
        RaceRules.anova(), RacingOptions.defaults().numTies(1)), control.onRoundDecided(rounds::add).build());
    assertTrue(fits(res) >= 3 * 3, "the burn-in at least");
    assertTrue(rounds.stream().flatMap(r -> r.decisions().stream()).anyMatch(d -> d.kind().equals("note")
        || d.kind().equals("tie_break")), "a degenerate race is noted: " + rounds);
  }

  @Test
  void aBurnInOfMoreResamplesThanThereAreIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tune.search(spec,
        TuneTest.data(new FakeEngine(60), 3), RacingSearch.of(grid, RaceRules.anova(), RacingOptions.defaults()
            .burnIn(4)), control.build()));
    assertTrue(e.getMessage().contains("burn_in is 4 but there are only 3 resamples"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RacingOptions.defaults().burnIn(1));
    assertThrows(IllegalArgumentException.class, () -> RacingOptions.defaults().alpha(1.5));
  }
}
