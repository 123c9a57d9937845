package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.resampling.Resamples;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.EarlierResults;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.SearchState;
import org.tune4j.tuning.search.SearchStrategy;
import org.tune4j.tuning.spec.GridChecks;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * The search loop: asks the strategy for a round (or replays the round an earlier run journaled),
 * hands it to {@link Control#onRoundDecided()}, fits its pairs with a {@link TaskRunner}, adds the
 * outcomes to the state and asks again, until the strategy is done. One instance per run.
 */
final class SearchRunner {
  private final TunableSpec spec;
  private final ResampledData data;
  private final SearchStrategy strategy;
  private final Control control;

  SearchRunner(TunableSpec spec, ResampledData data, SearchStrategy strategy, Control control) {
    this.spec = spec;
    this.data = data;
    this.strategy = strategy;
    this.control = control;
  }

  /** Every round, then the results of all of them. */
  TuneResults run() {
    try (ModelEngine engine = data.data().engine(spec)) {
      return run(engine);
    }
  }

  private TuneResults run(ModelEngine engine) {
    Resamples resamples = data.resamples();
    SearchState state = SearchState.initial(spec.parameters(), resamples, control.metrics(), control.seed());
    List<TaskOutcome> outcomes = new ArrayList<>();
    Map<String, Integer> configOrder = new LinkedHashMap<>();
    RunClock clock = new RunClock(control.nanoClock());
    int tasksBefore = 0;
    Optional<TuneResults> earlier = strategy.earlierResults();
    earlier.ifPresent(e -> EarlierResults.check(e, spec.parameters(), resamples, control.metrics()));
    for (int r = 0; ; r++) {
      Optional<Round> next = r < control.completedRounds().size() ? Optional.of(control.completedRounds().get(r))
          : strategy.next(state);
      if (next.isEmpty()) {
        break;
      }
      Round round = next.get();
      if (round.number() != r + 1) {
        throw new IllegalStateException("search " + strategy.name() + " gave round " + round.number() + " where round "
            + (r + 1) + " was due");
      }
      if (r >= control.completedRounds().size()) {
        control.onRoundDecided().accept(round);
      }
      Grid grid = Grids.ofCandidates(spec.parameters(), round.candidates());
      if (r == 0 && earlier.isPresent()) {
        state = state.plus(round, earlier.get().metricRows(), earlier.get().noteRows());
        grid.candidates().forEach(c -> configOrder.putIfAbsent(c.configId(), configOrder.size()));
        earlier.get().noteRows().forEach(n -> configOrder.putIfAbsent(n.configId(), configOrder.size()));
        outcomes.add(earlierOutcome(earlier.get(), round));
        continue;
      }
      GridChecks.check(spec, grid);
      TaskPlan plan = TaskPlan.of(spec, grid);
      plan.groups().forEach(g -> g.members().forEach(id -> configOrder.putIfAbsent(id, configOrder.size())));
      TaskRunner runner = new TaskRunner(engine, resamples, plan,
          round.resamples().stream().mapToInt(Integer::intValue).toArray(), control, tasksBefore, clock);
      List<TaskOutcome> done = runner.run();
      tasksBefore += runner.tasks();
      outcomes.addAll(done);
      List<MetricRow> rows = new ArrayList<>();
      List<Note> notes = new ArrayList<>();
      done.forEach(o -> {
        rows.addAll(o.metrics());
        notes.addAll(o.notes());
      });
      state = state.plus(round, rows, notes);
    }
    return results(engine, resamples, outcomes, configOrder);
  }

  /** An earlier run's results as the one outcome of round 1 (checked to be exactly that round). */
  private TaskOutcome earlierOutcome(TuneResults earlier, Round round) {
    if (!round.candidates().equals(EarlierResults.candidates(earlier))
        || round.resamples().size() != data.resamples().size()) {
      throw new IllegalStateException("search " + strategy.name() + " starts from earlier results but its round 1"
          + " is not exactly their candidates on every resample");
    }
    return new TaskOutcome("earlier", round.candidates().stream().map(c -> c.configId()).toList(),
        earlier.metricRows(), earlier.noteRows(),
        control.savePred() ? earlier.predictionRows() : List.of());
  }

  private TuneResults results(ModelEngine engine, Resamples resamples, List<TaskOutcome> outcomes,
      Map<String, Integer> configOrder) {
    List<MetricRow> rows = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<PredictionRow> predictions = new ArrayList<>();
    outcomes.forEach(o -> {
      rows.addAll(o.metrics());
      notes.addAll(o.notes());
      predictions.addAll(o.predictions());
    });
    if (rows.isEmpty()) {
      throw new AllModelsFailedException(notes);
    }
    // stable sorts: within a config, resample order (as evaluated), then metric order, is kept
    rows.sort(Comparator.comparing(r -> configOrder.get(r.configId())));
    notes.sort(Comparator.comparing(n -> configOrder.get(n.configId())));
    return TuneResults.of(spec.parameters(), engine.levels(), control.metrics(), resamples.fingerprint(), rows, notes,
        predictions);
  }
}
