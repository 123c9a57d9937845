package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * tune's selection rules from {@code R/select_best.R} ({@code select_by_one_std_err} and
 * {@code select_by_pct_loss}), applied to the summaries of one metric in config order with NaN
 * means already removed. Stateless.
 */
final class SelectionRules {

  private SelectionRules() {}

  /**
   * The one-standard-error rule. As tune: the best is the first candidate (in config order)
   * with the largest mean ({@code which.max}; smallest for smaller-is-better); the bound is
   * {@code best - std_err(best)} ({@code +} for smaller-is-better); candidates with a mean at
   * least as good as the bound are sorted simplest first by {@code simplerFirst} (a stable sort,
   * like {@code dplyr::arrange}) and the first is chosen.
   *
   * @throws IllegalStateException if the best candidate's std_err is NaN (fewer than two
   *     resamples with an estimate), where tune would silently return no row
   */
  static MetricSummary oneStdErr(List<MetricSummary> defined, boolean biggerIsBetter,
      Comparator<Selection> simplerFirst) {
    MetricSummary best = MetricSummaries.ranked(defined, biggerIsBetter).get(0);
    if (Double.isNaN(best.stdErr())) {
      throw new IllegalStateException("std_err of the best config " + best.configId()
          + " for metric \"" + best.metric() + "\" is NaN (n = " + best.n() + "); the"
          + " one-standard-error rule needs at least 2 resamples with an estimate");
    }
    double bound = biggerIsBetter ? best.mean() - best.stdErr() : best.mean() + best.stdErr();
    List<MetricSummary> within = new ArrayList<>();
    for (MetricSummary s : defined) {
      if (biggerIsBetter ? s.mean() >= bound : s.mean() <= bound) {
        within.add(s);
      }
    }
    within.sort(Comparator.comparing(MetricSummary::toSelection, simplerFirst));
    return within.get(0);
  }

  /**
   * The percent-loss rule. As tune: {@code loss = |(|mean| - |best|) / best| * 100} where best
   * is the largest mean (smallest for smaller-is-better); candidates are sorted simplest first
   * (stable); those after the first candidate with zero loss (more complex than the best) are
   * dropped; of the rest, the first (simplest) with {@code loss < limit} is chosen.
   *
   * @throws IllegalStateException if the best mean is 0, which makes the loss undefined
   */
  static MetricSummary pctLoss(List<MetricSummary> defined, boolean biggerIsBetter,
      double limit, Comparator<Selection> simplerFirst) {
    MetricSummary bestRow = MetricSummaries.ranked(defined, biggerIsBetter).get(0);
    double best = bestRow.mean();
    if (best == 0.0) {
      throw new IllegalStateException("the best mean of metric \"" + bestRow.metric()
          + "\" is 0 (config " + bestRow.configId() + "); percent loss divides by it, so"
          + " use selectByOneStdErr or selectBest");
    }
    List<MetricSummary> sorted = new ArrayList<>(defined);
    sorted.sort(Comparator.comparing(MetricSummary::toSelection, simplerFirst));
    for (MetricSummary s : sorted) {
      double loss = loss(s.mean(), best);
      if (loss < limit) {
        return s;
      }
    }
    // Unreachable for limit > 0: the best itself has loss 0, so no row after it is reached,
    // which is tune's slice(1:best_index).
    return bestRow;
  }

  /** tune's {@code .loss}: always 0 or more. */
  static double loss(double mean, double best) {
    return Math.abs((Math.abs(mean) - Math.abs(best)) / best) * 100;
  }
}
