package org.tune4j.cli.job;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.search.race.RacingOptions;

/**
 * Reads a job's optional {@code search} section: {@code grid} (every candidate on every fold, the
 * default), {@code race_anova} or {@code race_win_loss} with finetune's options {@code burn_in},
 * {@code alpha}, {@code num_ties} and {@code randomize}. Stateless.
 */
final class SearchReader {
  /** The search types a job may name. */
  static final List<String> TYPES = List.of("grid", "race_anova", "race_win_loss");

  private SearchReader() {}

  static JobSearch read(Map<String, Object> tree, String path) {
    String type = Json.optionalString(tree, "type", path).orElse("grid");
    return switch (type) {
      case "grid" -> {
        Json.unknownKeys(tree, Set.of("type"), path);
        yield JobSearch.grid();
      }
      case "race_anova", "race_win_loss" -> {
        Json.unknownKeys(tree, Set.of("type", "burn_in", "alpha", "num_ties", "randomize"), path);
        RacingOptions d = RacingOptions.defaults();
        long burnIn = Json.optionalLong(tree, "burn_in", path).orElse((long) d.burnIn());
        double alpha = Json.optionalDouble(tree, "alpha", path).orElse(d.alpha());
        long ties = Json.optionalLong(tree, "num_ties", path).orElse((long) d.numTies());
        boolean randomize = Json.optionalBoolean(tree, "randomize", path).orElse(d.randomize());
        if (burnIn < 2 || burnIn > 1000) {
          throw new IllegalArgumentException(Json.child(path, "burn_in") + " is " + burnIn + "; give 2 or more (a race"
              + " compares candidates after at least 2 folds; finetune's default is 3)");
        }
        if (!(alpha > 0 && alpha < 1)) {
          throw new IllegalArgumentException(Json.child(path, "alpha") + " is " + alpha + "; give a significance level"
              + " between 0 and 1, such as 0.05");
        }
        if (ties < 1 || ties > 1000) {
          throw new IllegalArgumentException(Json.child(path, "num_ties") + " is " + ties + "; give 1 or more (default"
              + " 10)");
        }
        yield JobSearch.race(type, new RacingOptions((int) burnIn, alpha, (int) ties, randomize));
      }
      default -> throw new IllegalArgumentException(Json.child(path, "type") + " is \"" + type + "\"; choose from: "
          + String.join(", ", TYPES));
    };
  }
}
