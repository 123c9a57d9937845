package org.tune4j.cli.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.search.GridSearch;
import org.tune4j.tuning.search.SearchStrategy;
import org.tune4j.tuning.search.race.RaceRules;
import org.tune4j.tuning.search.race.RacingOptions;
import org.tune4j.tuning.search.race.RacingSearch;

/**
 * How a job searches its grid: every candidate on every fold ({@code grid}), or a race that drops
 * clearly worse candidates after each fold ({@code race_anova}: finetune's ANOVA race;
 * {@code race_win_loss}: its Bradley–Terry race). Immutable.
 *
 * @param type {@code grid}, {@code race_anova} or {@code race_win_loss}
 * @param racing the race's options, for a race
 */
public record JobSearch(String type, Optional<RacingOptions> racing) {
  /** Every candidate on every fold. */
  public static JobSearch grid() {
    return new JobSearch("grid", Optional.empty());
  }

  /** finetune's race {@code type} ({@code race_anova} or {@code race_win_loss}) with {@code options}. */
  public static JobSearch race(String type, RacingOptions options) {
    if (!type.equals("race_anova") && !type.equals("race_win_loss")) {
      throw new IllegalArgumentException("race type \"" + type + "\"; choose race_anova or race_win_loss");
    }
    return new JobSearch(type, Optional.of(options));
  }

  /** The strategy over {@code grid}. */
  public SearchStrategy strategy(Grid grid) {
    return racing.<SearchStrategy>map(o -> RacingSearch.of(grid, type.equals("race_win_loss") ? RaceRules.winLoss()
        : RaceRules.anova(), o)).orElseGet(() -> GridSearch.of(grid));
  }

  /** Whether every candidate is fitted on every fold. */
  public boolean isGrid() {
    return racing.isEmpty();
  }

  /** The section as written to {@code job.json}. */
  public Map<String, Object> toTree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    racing.ifPresent(o -> {
      m.put("burn_in", (long) o.burnIn());
      m.put("alpha", o.alpha());
      m.put("num_ties", (long) o.numTies());
      m.put("randomize", o.randomize());
    });
    return m;
  }
}
