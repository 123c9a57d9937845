package org.tune4j.cli.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.search.GridSearch;
import org.tune4j.tuning.search.SearchStrategy;
import org.tune4j.tuning.search.bayes.BayesOptions;
import org.tune4j.tuning.search.bayes.BayesSearch;
import org.tune4j.tuning.search.race.RaceRules;
import org.tune4j.tuning.search.race.RacingOptions;
import org.tune4j.tuning.search.race.RacingSearch;

/**
 * How a job searches: every candidate of its grid on every fold ({@code grid}), a race that drops
 * clearly worse candidates after each fold ({@code race_anova}: finetune's ANOVA race;
 * {@code race_win_loss}: its Bradley–Terry race), or tune's Bayesian search ({@code bayes}), which
 * starts from the grid's candidates (or a space-filling design of {@code initial}) and proposes
 * more. Immutable.
 *
 * @param type {@code grid}, {@code race_anova}, {@code race_win_loss} or {@code bayes}
 * @param racing the race's options, for a race
 * @param bayes the Bayesian search's options, for {@code bayes}
 * @param earlier the earlier run whose results stand for the Bayesian search's initial candidates
 *     ({@code initial: <run directory>}), if given
 * @param options the section's options as written (for {@code job.json})
 */
public record JobSearch(String type, Optional<RacingOptions> racing, Optional<BayesOptions> bayes,
    Optional<EarlierRun> earlier, Map<String, Object> options) {
  /** Copies. */
  public JobSearch {
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Every candidate on every fold. */
  public static JobSearch grid() {
    return new JobSearch("grid", Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  /**
   * tune's Bayesian search with {@code options}, starting from {@code earlier}'s results when given;
   * {@code written} are its keys as the job gave them.
   */
  public static JobSearch bayes(BayesOptions options, Optional<EarlierRun> earlier, Map<String, Object> written) {
    return new JobSearch("bayes", Optional.empty(), Optional.of(options), earlier, written);
  }

  /** finetune's race {@code type} ({@code race_anova} or {@code race_win_loss}) with {@code options}. */
  public static JobSearch race(String type, RacingOptions options) {
    if (!type.equals("race_anova") && !type.equals("race_win_loss")) {
      throw new IllegalArgumentException("race type \"" + type + "\"; choose race_anova or race_win_loss");
    }
    return new JobSearch(type, Optional.of(options), Optional.empty(), Optional.empty(), Map.of());
  }

  /** The strategy over {@code grid}. */
  public SearchStrategy strategy(Grid grid) {
    if (earlier.isPresent()) {
      return BayesSearch.from(earlier.get().results(), bayes.orElseThrow());
    }
    if (bayes.isPresent()) {
      return BayesSearch.from(grid, bayes.get());
    }
    return racing.<SearchStrategy>map(o -> RacingSearch.of(grid, type.equals("race_win_loss") ? RaceRules.winLoss()
        : RaceRules.anova(), o)).orElseGet(() -> GridSearch.of(grid));
  }

  /** Whether every candidate is fitted on every fold. */
  public boolean isGrid() {
    return racing.isEmpty() && bayes.isEmpty();
  }

  /** The section as written to {@code job.json}. */
  public Map<String, Object> toTree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    if (bayes.isPresent()) {
      m.putAll(options);
      m.put("type", type);
    }
    racing.ifPresent(o -> {
      m.put("burn_in", (long) o.burnIn());
      m.put("alpha", o.alpha());
      m.put("num_ties", (long) o.numTies());
      m.put("randomize", o.randomize());
    });
    return m;
  }
}
