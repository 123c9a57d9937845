package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tune4j.tuning.metrics.Direction;

/**
 * The per-resample estimates of one metric during a race: one row per candidate config (in
 * candidate order), one column per resample (in the order they were evaluated), and the metric's
 * {@link Direction}. This is what finetune's racing rules read from
 * {@code collect_metrics(summarize = FALSE)} filtered to the first metric.
 *
 * <p>A cell is NaN where the config was not evaluated on that resample (it was eliminated
 * earlier) or its fit or metric failed. Infinite estimates are kept but the rules treat them as
 * missing, with a note. Immutable and thread-safe; arrays are copied in and out.
 *
 * <pre>{@code
 * RaceTable table = RaceTable.of(Direction.MAXIMIZE, List.of("c1", "c2"),
 *     List.of("Fold1", "Fold2", "Fold3"),
 *     new double[][] {{0.80, 0.82, 0.79}, {0.78, 0.80, Double.NaN}});
 * table.count(1); // 2
 * }</pre>
 */
public final class RaceTable {

  private final Direction direction;
  private final List<String> configIds;
  private final List<String> resampleIds;
  private final double[][] estimates;

  private RaceTable(Direction direction, List<String> configIds, List<String> resampleIds,
      double[][] estimates) {
    this.direction = direction;
    this.configIds = configIds;
    this.resampleIds = resampleIds;
    this.estimates = estimates;
  }

  /**
   * A table of {@code estimates[config][resample]}.
   *
   * @throws IllegalArgumentException if there is no config, an id is repeated or blank, or the
   *     array's shape does not match the ids
   */
  public static RaceTable of(Direction direction, List<String> configIds,
      List<String> resampleIds, double[][] estimates) {
    Objects.requireNonNull(direction, "direction");
    List<String> configs = checkedIds("config", configIds);
    List<String> resamples = checkedIds("resample", resampleIds);
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("configIds is empty; a race needs at least one config");
    }
    Objects.requireNonNull(estimates, "estimates");
    if (estimates.length != configs.size()) {
      throw new IllegalArgumentException("estimates has " + estimates.length + " rows but there "
          + "are " + configs.size() + " configIds; give one row per config");
    }
    double[][] copy = new double[estimates.length][];
    for (int i = 0; i < estimates.length; i++) {
      if (estimates[i] == null || estimates[i].length != resamples.size()) {
        throw new IllegalArgumentException("estimates row " + i + " (config " + configs.get(i)
            + ") has " + (estimates[i] == null ? "no" : estimates[i].length) + " values but there "
            + "are " + resamples.size() + " resampleIds; use NaN where a config was not evaluated");
      }
      copy[i] = estimates[i].clone();
    }
    return new RaceTable(direction, configs, resamples, copy);
  }

  private static List<String> checkedIds(String what, List<String> ids) {
    Objects.requireNonNull(ids, what + "Ids");
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(what + " id \"" + id + "\" is blank; every "
            + what + " needs a name");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(what + " id \"" + id + "\" appears twice in " + ids
            + "; " + what + " ids must be distinct");
      }
    }
    return List.copyOf(ids);
  }

  /**
   * This table with one more resample (a new last column), {@code column[config]} in config
   * order, NaN for configs not evaluated on it.
   */
  public RaceTable withResample(String resampleId, double[] column) {
    Objects.requireNonNull(column, "column");
    if (column.length != configIds.size()) {
      throw new IllegalArgumentException("resample " + resampleId + " has " + column.length
          + " values but there are " + configIds.size() + " configs; use NaN for configs not "
          + "evaluated");
    }
    List<String> ids = new ArrayList<>(resampleIds);
    ids.add(resampleId);
    double[][] next = new double[estimates.length][];
    for (int i = 0; i < estimates.length; i++) {
      next[i] = Arrays.copyOf(estimates[i], estimates[i].length + 1);
      next[i][estimates[i].length] = column[i];
    }
    return of(direction, configIds, ids, next);
  }

  /** Whether bigger or smaller estimates are better. */
  public Direction direction() {
    return direction;
  }

  /** The config ids, in candidate order. */
  public List<String> configIds() {
    return configIds;
  }

  /** The resample ids, in the order they were evaluated. */
  public List<String> resampleIds() {
    return resampleIds;
  }

  /** The estimate of config {@code config} on resample {@code resample} (indices); may be NaN. */
  public double estimate(int config, int resample) {
    return estimates[config][resample];
  }

  /** A copy of one config's row of estimates, in resample order. */
  public double[] estimates(int config) {
    return estimates[config].clone();
  }

  /** How many finite estimates config {@code config} has (finetune's {@code B}). */
  public int count(int config) {
    int n = 0;
    for (double v : estimates[config]) {
      if (Double.isFinite(v)) {
        n++;
      }
    }
    return n;
  }

  /** The mean of config {@code config}'s finite estimates; NaN when it has none. */
  public double mean(int config) {
    int n = 0;
    double sum = 0;
    for (double v : estimates[config]) {
      if (Double.isFinite(v)) {
        n++;
        sum += v;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
