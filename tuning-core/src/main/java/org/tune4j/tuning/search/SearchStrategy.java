package org.tune4j.tuning.search;

import java.util.Optional;
import org.tune4j.tuning.results.TuneResults;

/**
 * How a search chooses what to evaluate: given everything evaluated so far, the next {@link Round},
 * or none when the search is done. Grid search is one round of every candidate on every resample;
 * a race evaluates the survivors on one more resample per round; a Bayesian search proposes new
 * candidates each round.
 *
 * <p>A strategy must be a pure function of the {@link SearchState} (its rounds, their metrics and the
 * run's seed): it keeps no state between calls. That is what lets a killed run resume with the same
 * decisions, whatever the thread count. Implementations are immutable.
 *
 * <pre>{@code
 * SearchStrategy race = RaceAnova.search(grid, RaceOptions.defaults());
 * TuneResults res = Tune.search(spec, folds, race, control);
 * }</pre>
 */
public interface SearchStrategy {
  /** A short name for logs, journals and reports, e.g. {@code grid} or {@code race_anova}. */
  String name();

  /**
   * The next round given what has been evaluated, or empty when the search is done.
   *
   * @throws IllegalArgumentException when the state cannot be searched (e.g. fewer resamples than a race's
   *     burn-in), naming the value and the fix
   */
  Optional<Round> next(SearchState state);

  /**
   * Results of an earlier run that stand for round 1 instead of fitting it (tune's {@code initial}
   * given as a {@code tune_results}): the engine takes their metric rows, notes and predictions as
   * round 1's, and they are part of the search's results. Round 1 must then hold exactly their
   * candidates on every resample ({@link EarlierResults#round}). Empty (the default): every round is
   * fitted.
   */
  default Optional<TuneResults> earlierResults() {
    return Optional.empty();
  }
}
