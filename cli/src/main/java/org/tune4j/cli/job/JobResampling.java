package org.tune4j.cli.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tune4j.resampling.GroupBalance;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;

/**
 * How a job resamples its training images, as rsample's verbs: {@code vfold} ({@code folds},
 * {@code repeats}), {@code bootstraps} ({@code times}), {@code mc_cv} ({@code prop}, {@code times}),
 * {@code validation} (one split of {@code prop} for analysis, rsample's {@code validation_split})
 * and {@code group_vfold} ({@code folds} over the values of a CSV column, so one group's images
 * never sit on both sides). All but the last are stratified by label unless {@code strata: false}.
 * Immutable; read by {@link ResamplingReader}.
 *
 * @param type one of {@link #TYPES}
 * @param folds v, for {@code vfold} and {@code group_vfold}
 * @param repeats repeats of {@code vfold}
 * @param times resamples of {@code bootstraps} and {@code mc_cv} (1 for {@code validation})
 * @param prop the analysis share of {@code mc_cv} and {@code validation}
 * @param strata whether rows are stratified by label
 * @param group the CSV column whose values group the rows, for {@code group_vfold}
 */
public record JobResampling(String type, int folds, int repeats, int times, double prop, boolean strata,
    Optional<String> group) {
  /** The verbs a job may name. */
  public static final List<String> TYPES = List.of("vfold", "bootstraps", "mc_cv", "validation", "group_vfold");

  /** Validates the type. */
  public JobResampling {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("$.resampling.type is \"" + type + "\"; choose from: "
          + String.join(", ", TYPES));
    }
  }

  /** tune4j's default: 5 stratified folds. */
  public static JobResampling vfold(int folds) {
    return new JobResampling("vfold", folds, 1, 0, 0, true, Optional.empty());
  }

  /** How many resamples a run fits every candidate on (a grid's tasks per candidate). */
  public int count() {
    return switch (type) {
      case "vfold" -> folds * repeats;
      case "group_vfold" -> folds;
      default -> times;   // bootstraps, mc_cv, and validation (one split)
    };
  }

  /** For messages: {@code 5 folds}, {@code 3 × 5 folds}, {@code 25 bootstraps}, … */
  public String describe() {
    return switch (type) {
      case "vfold" -> repeats == 1 ? folds + " folds" : repeats + " × " + folds + " folds";
      case "group_vfold" -> folds + " group folds (" + group.orElse("") + ")";
      case "bootstraps" -> times + " bootstraps";
      case "mc_cv" -> String.format(Locale.ROOT, "%d Monte Carlo splits of %.2f", times, prop);
      default -> String.format(Locale.ROOT, "a validation split of %.2f", prop);
    };
  }

  /**
   * The resamples of training rows with these labels (and, for {@code group_vfold}, these groups).
   *
   * @throws IllegalArgumentException from rsample's checks (e.g. a class with fewer images than folds), naming the
   *     value and the fix
   */
  public Resamples make(int[] labels, Optional<String[]> groups, long seed) {
    Strata byLabel = Strata.of(labels);
    int n = labels.length;
    return switch (type) {
      case "vfold" -> strata ? Resampling.vfoldCv(byLabel, folds).repeats(repeats).seed(seed).build()
          : Resampling.vfoldCv(n, folds).repeats(repeats).seed(seed).build();
      case "bootstraps" -> strata ? Resampling.bootstraps(byLabel, times, seed) : Resampling.bootstraps(n, times, seed);
      case "mc_cv", "validation" -> strata ? Resampling.mcCv(byLabel, prop, times, seed)
          : Resampling.mcCv(n, prop, times, seed);
      default -> Resampling.groupVfoldCv(groups.orElseThrow(() -> new IllegalArgumentException("$.resampling.group"
          + " needs the data's group column; only csv data has one")), folds, GroupBalance.GROUPS, seed);
    };
  }

  /** The section as {@code job.json} records it, every default written out. */
  public Map<String, Object> toTree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    switch (type) {
      case "vfold" -> {
        m.put("folds", (long) folds);
        m.put("repeats", (long) repeats);
      }
      case "group_vfold" -> {
        m.put("folds", (long) folds);
        m.put("group", group.orElseThrow());
      }
      case "bootstraps" -> m.put("times", (long) times);
      case "mc_cv" -> {
        m.put("prop", prop);
        m.put("times", (long) times);
      }
      default -> m.put("prop", prop);
    }
    if (!type.equals("group_vfold")) {
      m.put("strata", strata);
    }
    return m;
  }
}
