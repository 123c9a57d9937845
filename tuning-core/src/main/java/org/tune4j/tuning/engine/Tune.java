package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.grid.SpaceFillingType;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.GridSearch;
import org.tune4j.tuning.search.SearchStrategy;
import org.tune4j.tuning.search.bayes.BayesOptions;
import org.tune4j.tuning.search.bayes.BayesSearch;
import org.tune4j.tuning.search.race.RaceRules;
import org.tune4j.tuning.search.race.RacingOptions;
import org.tune4j.tuning.search.race.RacingSearch;
import org.tune4j.tuning.spec.GridChecks;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * tune's verbs: {@link #tuneGrid} fits every candidate of a grid on every resample, in parallel,
 * and returns tidy results; {@link #tuneRaceAnova}, {@link #tuneRaceWinLoss} and {@link #tuneBayes}
 * spend fewer fits (any {@link SearchStrategy} runs through {@link #search}); {@link #fitResamples} does it for one final spec; {@link #lastFit}
 * fits the chosen spec on all training rows and scores it on the test rows.
 *
 * <p>A fit that fails becomes a note and the run goes on; only "every fit failed" is fatal
 * ({@link AllModelsFailedException}). The same control seed gives the same results whatever the
 * thread count. Stateless and thread-safe.
 *
 * <pre>{@code
 * TuneResults res = Tune.tuneGrid(spec, folds, Grids.regular(spec.parameters(), 3));
 * System.out.println(res.showBest("accuracy", 5));
 * LastFit fit = Tune.lastFit(spec.finalize(res.selectBest("accuracy").values()), split);
 * }</pre>
 */
public final class Tune {
  /** The config id {@link #fitResamples} gives its single model. */
  public static final String SINGLE_CONFIG = "Model1";

  private Tune() {}

  /** {@link #tuneGrid(TunableSpec, ResampledData, Grid, Control)} with {@link Control#defaults()}. */
  public static TuneResults tuneGrid(TunableSpec spec, ResampledData data, Grid grid) {
    return tuneGrid(spec, data, grid, Control.defaults());
  }

  /**
   * Fits every candidate of {@code grid} on every resample of {@code data} and scores it on the
   * held-out rows.
   *
   * @throws IllegalArgumentException before any fit when the grid does not fit the spec, the
   *     resamples do not fit the data or are leave-one-out ({@code Resampling.looCv}, which tune refuses too)
   * @throws AllModelsFailedException when every fit failed (its notes say why)
   */
  public static TuneResults tuneGrid(TunableSpec spec, ResampledData data, Grid grid, Control control) {
    GridChecks.check(spec, grid);
    return search(spec, data, GridSearch.of(grid), control);
  }

  /** {@link #tuneGrid(TunableSpec, ResampledData, int, Control)} with {@link Control#defaults()}. */
  public static TuneResults tuneGrid(TunableSpec spec, ResampledData data, int size) {
    return tuneGrid(spec, data, size, Control.defaults());
  }

  /**
   * tune's {@code tune_grid(grid = size)}: a space-filling grid of {@code size} candidates over the spec's
   * parameters, then {@link #tuneGrid(TunableSpec, ResampledData, Grid, Control)}. tune calls
   * {@code dials::grid_space_filling(pset, size)} (type {@code "any"}: a premade max-min or Audze-Eglais design, else
   * max entropy); here it is {@code Grids.spaceFilling(spec.parameters(), size, MAX_MIN_DISTANCE, control.seed())},
   * so the same seed gives the same grid. Duplicate rows (integer or qualitative parameters) are removed, as tune's
   * {@code distinct}, so the grid may have fewer than {@code size} candidates.
   *
   * @throws IllegalArgumentException if {@code size < 1} or the spec has nothing to tune, and as the grid variant
   */
  public static TuneResults tuneGrid(TunableSpec spec, ResampledData data, int size, Control control) {
    Grid grid = Grids.spaceFilling(spec.parameters(), size, SpaceFillingType.MAX_MIN_DISTANCE, control.seed());
    return tuneGrid(spec, data, grid, control);
  }

  /**
   * Tunes {@code spec} with a search strategy: round after round, the strategy proposes candidates and the
   * resamples to fit them on ({@link GridSearch} one round of everything; a race or a Bayesian search more),
   * and the engine fits each round as {@link #tuneGrid} fits a grid. Every round is given to
   * {@link Control#onRoundDecided()} before its fits; {@link Control#completedRounds()} replays the rounds of a
   * killed run, so it resumes with the same decisions.
   *
   * @throws IllegalArgumentException before any fit when the resamples do not fit the data, or when a round does not
   *     fit the spec
   * @throws AllModelsFailedException when every fit failed (its notes say why)
   */
  public static TuneResults search(TunableSpec spec, ResampledData data, SearchStrategy strategy, Control control) {
    checkResamples(data);
    return new SearchRunner(spec, data, strategy, control).run();
  }

  /**
   * finetune's {@code tune_race_anova}: the grid raced with the ANOVA rule ({@link RacingSearch}, {@link RaceRules#anova()}).
   *
   * @throws IllegalArgumentException as {@link #tuneGrid}, or when there are no more resamples than the burn-in
   */
  public static TuneResults tuneRaceAnova(TunableSpec spec, ResampledData data, Grid grid, RacingOptions options,
      Control control) {
    GridChecks.check(spec, grid);
    return search(spec, data, RacingSearch.of(grid, RaceRules.anova(), options), control);
  }

  /** finetune's {@code tune_race_win_loss}: the grid raced by Bradley–Terry abilities ({@link RaceRules#winLoss()}). */
  public static TuneResults tuneRaceWinLoss(TunableSpec spec, ResampledData data, Grid grid, RacingOptions options,
      Control control) {
    GridChecks.check(spec, grid);
    return search(spec, data, RacingSearch.of(grid, RaceRules.winLoss(), options), control);
  }

  /**
   * tune's {@code tune_bayes}: an initial space-filling design, then candidates proposed by a Gaussian process on the
   * first metric ({@link BayesSearch}).
   */
  public static TuneResults tuneBayes(TunableSpec spec, ResampledData data, BayesOptions options, Control control) {
    return search(spec, data, BayesSearch.of(spec.parameters(), options), control);
  }

  /**
   * tune's {@code tune_bayes(initial = <tune_results>)}: the Gaussian process starts from an earlier run's results
   * (a grid, a race, another Bayesian search) instead of fitting an initial design; those results are part of the
   * answer, not refitted. Proposals are {@code Iter1}, … (numbered on after the earlier run's own {@code Iter}s).
   *
   * @throws IllegalArgumentException before any fit when the earlier results come from other resamples, another
   *     spec's parameters or another metric set, or have fewer than 2 candidates with estimates
   */
  public static TuneResults tuneBayes(TunableSpec spec, ResampledData data, TuneResults initial, BayesOptions options,
      Control control) {
    return search(spec, data, BayesSearch.from(initial, options), control);
  }

  /** {@link #fitResamples(TunableSpec, ResampledData, Control)} with the defaults. */
  public static TuneResults fitResamples(TunableSpec finalSpec, ResampledData data) {
    return fitResamples(finalSpec, data, Control.defaults());
  }

  /**
   * Fits one final spec on every resample (tune's {@code fit_resamples}); its config id is
   * {@value #SINGLE_CONFIG}.
   *
   * @throws IllegalArgumentException when the spec still has {@code tune()} placeholders
   */
  public static TuneResults fitResamples(TunableSpec finalSpec, ResampledData data, Control control) {
    requireFinal(finalSpec, "fitResamples");
    checkResamples(data);
    return run(ParameterSet.of(List.of()), finalSpec, data, TaskPlan.single(finalSpec, SINGLE_CONFIG), control);
  }

  /** {@link #lastFit(TunableSpec, SplitData, Control)} with the defaults. */
  public static LastFit lastFit(TunableSpec finalSpec, SplitData split) {
    return lastFit(finalSpec, split, Control.defaults());
  }

  /**
   * Fits a final spec on the training rows and scores it on the test rows (tune's
   * {@code last_fit}). The shared work (featurizing) runs on the control's executor; the one fit runs here,
   * as its model is returned.
   *
   * @throws IllegalArgumentException when the spec still has {@code tune()} placeholders
   */
  public static LastFit lastFit(TunableSpec finalSpec, SplitData split, Control control) {
    requireFinal(finalSpec, "lastFit");
    ModelEngine.FittedModel model;
    ClassPredictions predictions;
    try (ModelEngine engine = split.data().engine(finalSpec)) {
      control.executor().prepare(engine, List.of(finalSpec), control.threads(), control.progress());
      engine.configureThreads(1, control.threads());
      model = engine.fit(finalSpec, split.training(), TaskRunner.seedFor(control.seed(), 0));
      predictions = model.predict(split.testing());
    }
    return new LastFit(model, control.metrics().evaluate(predictions, control.eventLevel()), predictions,
        TaskRunner.predictionRows(predictions, split.testing(), "train/test split", SINGLE_CONFIG));
  }

  private static TuneResults run(ParameterSet params, TunableSpec spec, ResampledData data, TaskPlan plan,
      Control control) {
    Resamples resamples = data.resamples();
    List<TaskOutcome> results;
    List<String> levels;
    try (ModelEngine engine = data.data().engine(spec)) {
      results = new TaskRunner(engine, resamples, plan, control).run();
      levels = engine.levels();
    }
    List<MetricRow> rows = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<PredictionRow> predictions = new ArrayList<>();
    results.forEach(r -> {
      rows.addAll(r.metrics());
      notes.addAll(r.notes());
      predictions.addAll(r.predictions());
    });
    if (rows.isEmpty()) {
      throw new AllModelsFailedException(notes);
    }
    Map<String, Integer> configOrder = new LinkedHashMap<>();
    plan.groups().forEach(g -> g.members().forEach(id -> configOrder.putIfAbsent(id, configOrder.size())));
    Comparator<MetricRow> byConfig = Comparator.comparing(r -> configOrder.get(r.configId()));
    rows.sort(byConfig);  // stable: resample order, then metric order, is kept within a config
    notes.sort(Comparator.comparing(n -> configOrder.get(n.configId())));
    return TuneResults.of(params, levels, control.metrics(), resamples.fingerprint(), rows, notes, predictions);
  }

  private static void checkResamples(ResampledData data) {
    if (Resampling.LOO_CV_METHOD.equals(data.resamples().method())) {
      throw new IllegalArgumentException("the resamples are leave-one-out cross-validation (loo_cv), which tune"
          + " does not support for tuning: each assessment set is one row, so metrics such as roc_auc are undefined;"
          + " use Resampling.vfoldCv(nRows, v) or Resampling.bootstraps(nRows, times, seed) instead");
    }
  }

  private static void requireFinal(TunableSpec spec, String verb) {
    if (!spec.isFinal()) {
      throw new IllegalArgumentException(verb + " needs a final spec, but spec \"" + spec.name() + "\" still tunes "
          + spec.parameters().ids() + "; use spec.finalize(results.selectBest(...)) or tuneGrid");
    }
  }
}
