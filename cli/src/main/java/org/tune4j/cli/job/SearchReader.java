package org.tune4j.cli.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.search.bayes.Acquisition;
import org.tune4j.tuning.search.bayes.BayesOptions;
import org.tune4j.tuning.search.race.RacingOptions;

/**
 * Reads a job's optional {@code search} section: {@code grid} (every candidate on every fold, the
 * default), {@code race_anova} or {@code race_win_loss} with finetune's options {@code burn_in},
 * {@code alpha}, {@code num_ties} and {@code randomize}, or {@code bayes} with tune_bayes' options
 * {@code initial} (a count, or an earlier finished run's directory whose results start the
 * search), {@code iter}, {@code no_improve}, {@code uncertain}, {@code objective}
 * ({@code exp_improve | prob_improve | conf_bound}) and {@code trade_off}, and {@code batch}
 * (proposals per iteration). Stateless.
 */
final class SearchReader {
  /** The search types a job may name. */
  static final List<String> TYPES = List.of("grid", "race_anova", "race_win_loss", "bayes");
  /** The acquisition functions a job may name, as tune's {@code objective}. */
  static final List<String> OBJECTIVES = List.of("exp_improve", "prob_improve", "conf_bound");

  private SearchReader() {}

  static JobSearch read(Map<String, Object> tree, String path, Path base) {
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
      case "bayes" -> bayes(tree, path, base);
      default -> throw new IllegalArgumentException(Json.child(path, "type") + " is \"" + type + "\"; choose from: "
          + String.join(", ", TYPES));
    };
  }

  private static JobSearch bayes(Map<String, Object> tree, String path, Path base) {
    Json.unknownKeys(tree, Set.of("type", "initial", "iter", "no_improve", "uncertain", "objective", "trade_off",
        "batch"), path);
    BayesOptions d = BayesOptions.defaults();
    Optional<EarlierRun> earlier = tree.get("initial") instanceof String dir
        ? Optional.of(EarlierRun.read(base.resolve(dir).toAbsolutePath().normalize(), Json.child(path, "initial")))
        : Optional.empty();
    int initial = earlier.isPresent() ? d.initial() : (int) count(tree, "initial", path, d.initial(), 2);
    int iter = (int) count(tree, "iter", path, d.iter(), 1);
    int noImprove = (int) count(tree, "no_improve", path, d.noImprove(), 1);
    int uncertain = (int) count(tree, "uncertain", path, d.uncertain(), 1);
    int batch = (int) count(tree, "batch", path, d.batch(), 1);
    if (batch > 64) {
      throw new IllegalArgumentException(Json.child(path, "batch") + " is " + batch + "; give 1..64");
    }
    String objective = Json.optionalString(tree, "objective", path).orElse("exp_improve");
    Optional<Double> tradeOff = Json.optionalDouble(tree, "trade_off", path);
    if (tradeOff.isPresent() && !(tradeOff.get() >= 0 && Double.isFinite(tradeOff.get()))) {
      throw new IllegalArgumentException(Json.child(path, "trade_off") + " is " + tradeOff.get() + "; give 0 or more");
    }
    Acquisition acquisition = switch (objective) {
      case "exp_improve" -> tradeOff.map(Acquisition::expImprove).orElseGet(Acquisition::expImprove);
      case "prob_improve" -> tradeOff.map(Acquisition::probImprove).orElseGet(Acquisition::probImprove);
      case "conf_bound" -> tradeOff.map(Acquisition::confBound).orElseGet(Acquisition::confBound);
      default -> throw new IllegalArgumentException(Json.child(path, "objective") + " is \"" + objective
          + "\"; choose from: " + String.join(", ", OBJECTIVES));
    };
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("initial", earlier.<Object>map(e -> e.dir().toString()).orElse((long) initial));
    written.put("iter", (long) iter);
    written.put("no_improve", (long) noImprove);
    if (uncertain != Integer.MAX_VALUE) {
      written.put("uncertain", (long) uncertain);
    }
    written.put("objective", objective);
    tradeOff.ifPresent(t -> written.put("trade_off", t));
    written.put("batch", (long) batch);
    return JobSearch.bayes(new BayesOptions(initial, iter, noImprove, uncertain, acquisition, batch), earlier,
        written);
  }

  private static long count(Map<String, Object> tree, String key, String path, int dflt, int min) {
    long v = Json.optionalLong(tree, key, path).orElse((long) dflt);
    if (v < min || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(Json.child(path, key) + " is " + v + "; give " + min + " or more");
    }
    return v;
  }
}
