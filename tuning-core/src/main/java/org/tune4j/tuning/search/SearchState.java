package org.tune4j.tuning.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Split;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;

/**
 * What a {@link SearchStrategy} sees: the run's parameters, resamples, metrics and seed, the rounds
 * so far, and the metric rows and notes of every pair evaluated. Immutable; the engine makes a new
 * one after each round.
 *
 * @param parameters the tuned parameters
 * @param resamples the run's resamples (rounds name them by index)
 * @param metrics the metrics computed; the first is the one searches optimise, as tune's
 *     {@code choose_metric}
 * @param seed the run's seed (strategies draw from it, never from the clock)
 * @param rounds the rounds evaluated so far, in order
 * @param rows the metric rows of every (candidate, resample) pair evaluated
 * @param notes the notes of those fits (failed fits have an error note and no rows)
 */
public record SearchState(ParameterSet parameters, Resamples resamples, MetricSet metrics, long seed,
    List<Round> rounds, List<MetricRow> rows, List<Note> notes) {

  /** Validates and copies. */
  public SearchState {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(resamples, "resamples");
    Objects.requireNonNull(metrics, "metrics");
    rounds = List.copyOf(rounds);
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** The state before any round. */
  public static SearchState initial(ParameterSet parameters, Resamples resamples, MetricSet metrics, long seed) {
    return new SearchState(parameters, resamples, metrics, seed, List.of(), List.of(), List.of());
  }

  /** This state with {@code round} evaluated, giving {@code newRows} and {@code newNotes}. */
  public SearchState plus(Round round, List<MetricRow> newRows, List<Note> newNotes) {
    List<Round> r = new ArrayList<>(rounds);
    r.add(round);
    List<MetricRow> m = new ArrayList<>(rows);
    m.addAll(newRows);
    List<Note> n = new ArrayList<>(notes);
    n.addAll(newNotes);
    return new SearchState(parameters, resamples, metrics, seed, r, m, n);
  }

  /** The metric searches optimise: the first of the set. */
  public String firstMetric() {
    return metrics.names().get(0);
  }

  /** Every candidate of every round, by config id, in order of first appearance. */
  public Map<String, Candidate> candidates() {
    Map<String, Candidate> out = new LinkedHashMap<>();
    rounds.forEach(r -> r.candidates().forEach(c -> out.putIfAbsent(c.configId(), c)));
    return out;
  }

  /** The resample id of index {@code i} as metric rows and notes name it ({@code Fold1}, {@code Repeat1/Fold2}). */
  public String resampleId(int i) {
    return idOf(resamples.get(i));
  }

  /** A split's id as metric rows, notes and journals name it ({@code Fold1}, {@code Repeat1/Fold2}). */
  public static String idOf(Split split) {
    return split.id() + split.id2().map(x -> "/" + x).orElse("");
  }

  /** The mean of the values that are not NaN (not evaluated, or a failed fit), or NaN when there are none. */
  public static double meanOf(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Indices of the resamples evaluated by any round, in the order first evaluated. */
  public List<Integer> resamplesEvaluated() {
    List<Integer> out = new ArrayList<>();
    rounds.forEach(r -> r.resamples().forEach(i -> {
      if (!out.contains(i)) {
        out.add(i);
      }
    }));
    return out;
  }

  /**
   * The estimates of {@code metric} for {@code configIds} (rows) on resamples {@code resampleIndices} (columns); NaN
   * where a pair was not evaluated, its fit failed or the metric is undefined.
   */
  public double[][] estimates(String metric, List<String> configIds, List<Integer> resampleIndices) {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < configIds.size(); i++) {
      rowOf.put(configIds.get(i), i);
    }
    Map<String, Integer> colOf = new HashMap<>();
    for (int j = 0; j < resampleIndices.size(); j++) {
      colOf.put(resampleId(resampleIndices.get(j)), j);
    }
    double[][] out = new double[configIds.size()][resampleIndices.size()];
    for (double[] row : out) {
      Arrays.fill(row, Double.NaN);
    }
    for (MetricRow r : rows) {
      if (!r.metric().equals(metric)) {
        continue;
      }
      Integer i = rowOf.get(r.configId());
      Integer j = colOf.get(r.resampleId());
      if (i != null && j != null) {
        out[i][j] = r.estimate();
      }
    }
    return out;
  }
}
