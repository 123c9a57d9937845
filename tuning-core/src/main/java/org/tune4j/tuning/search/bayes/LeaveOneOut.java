package org.tune4j.tuning.search.bayes;

import java.util.List;

/**
 * Leave-one-out predictions of a fitted Gaussian process at its own training points and their
 * summaries, as GauPro's {@code summary()} computes them for tune's {@code check_gp()}.
 *
 * <p>Each point is predicted from the others with the correlation parameters, the mean and the
 * variance of the full fit (GauPro's {@code pred_LOO()}). {@code rSquared} is {@code 1 -
 * sum((fit - y)^2) / sum((mean(y) - y)^2)}; {@code coverage95} is the share of points with
 * {@code |fit - y| <= 1.96 se}. Immutable and thread-safe.
 *
 * @param fitted the leave-one-out mean at each training point, in history order
 * @param standardErrors the leave-one-out standard error at each training point
 * @param rSquared GauPro's {@code r.squaredLOO}
 * @param coverage95 GauPro's {@code coverage95LOO}
 */
public record LeaveOneOut(List<Double> fitted, List<Double> standardErrors, double rSquared,
    double coverage95) {

  /** Copies the lists. */
  public LeaveOneOut {
    if (fitted == null || standardErrors == null || fitted.size() != standardErrors.size()) {
      throw new IllegalArgumentException("leave-one-out results need one fitted value and one"
          + " standard error per point; got " + fitted + " and " + standardErrors);
    }
    fitted = List.copyOf(fitted);
    standardErrors = List.copyOf(standardErrors);
  }
}
