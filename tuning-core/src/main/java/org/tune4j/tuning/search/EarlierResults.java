package org.tune4j.tuning.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tune4j.resampling.Resamples;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.TuneResults;

/**
 * An earlier run's results standing for a search's round 1 (tune's {@code initial = } a
 * {@code tune_results}): the checks that they can stand for it, and the round they stand for.
 * Stateless.
 */
public final class EarlierResults {
  private EarlierResults() {
  }

  /**
   * The candidates of {@code earlier} that have metric rows, in the order they first appear (a
   * candidate whose every fit failed has no estimate to learn from and is left out).
   */
  public static List<Candidate> candidates(TuneResults earlier) {
    Map<String, Candidate> byId = new LinkedHashMap<>();
    for (MetricRow r : earlier.metricRows()) {
      byId.putIfAbsent(r.configId(), new Candidate(r.configId(), r.params()));
    }
    return new ArrayList<>(byId.values());
  }

  /** Round 1 of a search that starts from {@code earlier}: its candidates on every resample. */
  public static Round round(TuneResults earlier, int resampleCount, String message) {
    List<Integer> all = IntStream.range(0, resampleCount).boxed().toList();
    List<Candidate> candidates = candidates(earlier);
    return new Round(1, candidates, all, List.of(Decision.note("round 1 is an earlier run's " + candidates.size()
        + " candidates, not refitted")), message);
  }

  /**
   * Checks that {@code earlier} was computed for this search: the same resamples (by fingerprint),
   * then as {@link #checkSpec}.
   *
   * @throws IllegalArgumentException naming what differs and the fix
   */
  public static void check(TuneResults earlier, ParameterSet parameters, Resamples resamples, MetricSet metrics) {
    if (!earlier.resamplesFingerprint().equals(resamples.fingerprint())) {
      throw new IllegalArgumentException("the earlier results were computed on other resamples (fingerprint "
          + shortId(earlier.resamplesFingerprint()) + ", this search's is " + shortId(resamples.fingerprint())
          + "); start from results of the same resamples: same data, method, arguments and seed, as tune requires");
    }
    checkSpec(earlier, parameters, metrics);
  }

  /**
   * Checks what can be checked before the resamples exist: the same tuned parameters and the same
   * metrics, in the same order.
   *
   * @throws IllegalArgumentException naming what differs and the fix
   */
  public static void checkSpec(TuneResults earlier, ParameterSet parameters, MetricSet metrics) {
    if (!earlier.parameters().ids().equals(parameters.ids())) {
      throw new IllegalArgumentException("the earlier results tuned " + earlier.parameters().ids() + ", this spec"
          + " tunes " + parameters.ids() + "; start from results of the same spec");
    }
    if (!earlier.metrics().names().equals(metrics.names())) {
      throw new IllegalArgumentException("the earlier results computed the metrics " + earlier.metrics().names()
          + ", this search computes " + metrics.names() + "; give the search the same metric set, in the same order"
          + " (as tune requires of initial results)");
    }
  }

  private static String shortId(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
  }
}
