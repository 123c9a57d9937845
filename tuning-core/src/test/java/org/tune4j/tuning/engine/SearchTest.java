package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.Decision;
import org.tune4j.tuning.search.GridSearch;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.RoundJson;
import org.tune4j.tuning.search.SearchState;
import org.tune4j.tuning.search.SearchStrategy;

/** The search seam: rounds decided from the state, fitted as grids are, journaled and replayed on resume. */
class SearchTest {
  /**
   * A toy strategy, pure in the state: every candidate on the first two resamples, then the better half (by mean
   * accuracy, ties by config id) on the rest, one resample per round.
   */
  static final class HalvingSearch implements SearchStrategy {
    final Grid grid;

    HalvingSearch(Grid grid) {
      this.grid = grid;
    }

    @Override
    public String name() {
      return "halving";
    }

    @Override
    public Optional<Round> next(SearchState state) {
      int done = state.resamplesEvaluated().size();
      if (done >= state.resamples().size()) {
        return Optional.empty();
      }
      int number = state.rounds().size() + 1;
      if (number == 1) {
        return Optional.of(new Round(1, grid.candidates(), List.of(0, 1), List.of(), "burn-in"));
      }
      List<Candidate> last = state.rounds().get(state.rounds().size() - 1).candidates();
      List<String> ids = last.stream().map(Candidate::configId).toList();
      List<Integer> evaluated = state.resamplesEvaluated();
      double[][] est = state.estimates("accuracy", ids, evaluated);
      List<Integer> order = new ArrayList<>(IntStream.range(0, ids.size()).boxed().toList());
      order.sort(Comparator.comparingDouble((Integer i) -> -mean(est[i])).thenComparing(ids::get));
      List<Candidate> kept = order.subList(0, Math.max(1, order.size() / 2)).stream().sorted().map(last::get).toList();
      List<Decision> decisions = new ArrayList<>();
      for (int i : order.subList(kept.size(), order.size())) {
        decisions.add(Decision.of("eliminate", ids.get(i), Map.of("mean", mean(est[i])), "worse half"));
      }
      return Optional.of(new Round(number, kept, List.of(done), decisions, kept.size() + " remain"));
    }

    static double mean(double[] xs) {
      double s = 0;
      int n = 0;
      for (double x : xs) {
        if (!Double.isNaN(x)) {
          s += x;
          n++;
        }
      }
      return s / n;
    }
  }

  final FakeSpec spec = FakeSpec.of(TuneTest.UNITS);
  final Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2), Map.of("units", 9), Map.of("units", 5),
      Map.of("units", 7)));

  @Test
  void gridSearchIsTuneGrid() {
    TuneResults viaGrid = Tune.tuneGrid(spec, TuneTest.data(new FakeEngine(90), 3), grid,
        Control.builder().threads(2).seed(3).build());
    List<Round> rounds = new ArrayList<>();
    TuneResults viaSearch = Tune.search(spec, TuneTest.data(new FakeEngine(90), 3), GridSearch.of(grid),
        Control.builder().threads(2).seed(3).onRoundDecided(rounds::add).build());
    assertEquals(viaGrid, viaSearch);
    assertEquals(1, rounds.size());
    assertEquals(List.of(0, 1, 2), rounds.get(0).resamples());
  }

  @Test
  void roundsFitOnlyTheirPairsAndEachRoundIsAnnouncedBeforeItsFits() {
    FakeEngine engine = new FakeEngine(100);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    TuneResults res = Tune.search(spec, TuneTest.data(engine, 5), new HalvingSearch(grid), Control.builder().threads(2)
        .seed(3).onRoundDecided(r -> events.add("round " + r.number() + ": " + r.message()))
        .onTaskDone(o -> events.add(o.key())).build());
    // 4 candidates on 2 resamples, then 2 on resample 3, then 1 on resamples 4 and 5
    assertEquals(4 * 2 + 2 + 1 + 1, engine.fits.get());
    assertEquals(List.of("round 1: burn-in", "round 2: 2 remain", "round 3: 1 remain", "round 4: 1 remain"),
        events.stream().filter(e -> e.startsWith("round")).toList());
    assertEquals("round 2: 2 remain", events.get(9), "announced after round 1's eight tasks, before its own");
    assertEquals(List.of("Model1", "Model2", "Model3", "Model4"),
        res.metricRows().stream().map(MetricRow::configId).distinct().toList(), "config order as first proposed");
    String best = res.selectBest("accuracy").configId();
    assertEquals(5, res.metricRows().stream().filter(r -> r.configId().equals(best) && r.metric().equals("accuracy"))
        .count(), "the survivor has every resample");
    assertEquals("Model2", best, "units 9 is the most skilful fake model");
  }

  @Test
  void searchResultsDoNotDependOnTheThreadCount() {
    TuneResults one = Tune.search(spec, TuneTest.data(new FakeEngine(100), 5), new HalvingSearch(grid),
        Control.builder().threads(1).seed(6).build());
    TuneResults four = Tune.search(spec, TuneTest.data(new FakeEngine(100), 5), new HalvingSearch(grid),
        Control.builder().threads(4).seed(6).build());
    assertEquals(one, four);
  }

  @Test
  void aResumedSearchReplaysItsJournaledRoundsAndEqualsAnUninterruptedOne() {
    List<TaskOutcome> journal = Collections.synchronizedList(new ArrayList<>());
    List<Round> rounds = new ArrayList<>();
    TuneResults full = Tune.search(spec, TuneTest.data(new FakeEngine(100), 5), new HalvingSearch(grid),
        Control.builder().threads(2).seed(8).onTaskDone(journal::add).onRoundDecided(rounds::add).build());
    // killed during round 3: rounds 1-3 journaled, round 3's task not
    List<Round> journaledRounds = List.copyOf(rounds.subList(0, 3));
    List<TaskOutcome> journaledTasks = List.copyOf(journal.subList(0, 10));
    // journal lines are JSON: read back what was written
    List<Round> readBack = journaledRounds.stream().map(r -> RoundJson.fromTree(Json.requireObject(Json.parse(
        Json.write(RoundJson.toTree("halving", r, TuneTest.data(new FakeEngine(100), 5).resamples()))), "$"), "$",
        spec.parameters(), TuneTest.data(new FakeEngine(100), 5).resamples())).toList();
    assertEquals(journaledRounds, readBack);
    List<TaskOutcome> tasksBack = journaledTasks.stream().map(o -> TaskOutcomeJson.fromLine(TaskOutcomeJson.toLine(o),
        grid::candidate)).toList();
    assertEquals(journaledTasks, tasksBack);

    FakeEngine engine = new FakeEngine(100);
    List<Round> announced = new ArrayList<>();
    SearchStrategy mustNotRedecide = new SearchStrategy() {
      final HalvingSearch inner = new HalvingSearch(grid);

      @Override
      public String name() {
        return "halving";
      }

      @Override
      public Optional<Round> next(SearchState state) {
        assertTrue(state.rounds().size() >= 3, "journaled rounds are replayed, not decided again");
        return inner.next(state);
      }
    };
    TuneResults resumed = Tune.search(spec, TuneTest.data(engine, 5), mustNotRedecide, Control.builder().threads(2)
        .seed(8).completed(tasksBack).completedRounds(readBack).onRoundDecided(announced::add).build());
    assertEquals(full, resumed);
    assertEquals(2, engine.fits.get(), "round 3's task and round 4's");
    assertEquals(List.of(4), announced.stream().map(Round::number).toList(), "only the new round is journaled");
  }

  @Test
  void roundsOutOfOrderAndEmptyRoundsAreRefused() {
    SearchStrategy skips = new SearchStrategy() {
      @Override
      public String name() {
        return "skips";
      }

      @Override
      public Optional<Round> next(SearchState state) {
        return state.rounds().isEmpty() ? Optional.of(new Round(2, grid.candidates(), List.of(0), List.of(), ""))
            : Optional.empty();
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tune.search(spec,
        TuneTest.data(new FakeEngine(60), 3), skips, Control.builder().build()));
    assertTrue(e.getMessage().contains("gave round 2 where round 1 was due"), e.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> new Round(1, List.of(), List.of(0), List.of(), ""));
    assertTrue(empty.getMessage().contains("a search that is done returns no round"), empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Round(1, grid.candidates(), List.of(0, 0), List.of(), ""));
  }

  @Test
  void decisionsKeepTheirNumbersThroughJsonNanIncluded() {
    Round r = new Round(2, List.of(grid.candidate("Model3")), List.of(1), List.of(Decision.of("eliminate", "Model1",
        Map.of("lower", Double.NaN), "x"), Decision.note("all candidates tied")), "1 remains");
    var resamples = TuneTest.data(new FakeEngine(60), 3).resamples();
    Map<String, Object> tree = Json.requireObject(Json.parse(Json.write(RoundJson.toTree("race", r, resamples))), "$");
    assertEquals("race", RoundJson.strategy(tree, "$"));
    assertEquals(r, RoundJson.fromTree(tree, "$", spec.parameters(), resamples));
    tree.put("resamples", List.of("Fold9"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RoundJson.fromTree(tree, "$", spec.parameters(), resamples));
    assertTrue(e.getMessage().contains("$.resamples[0] is \"Fold9\", which is not one of the run's resamples"),
        e.getMessage());
  }
}
