package org.tune4j.tuning.search.bayes;

import java.util.Locale;

/**
 * tune's {@code check_gp()}: whether a Gaussian process fit is trustworthy enough to score
 * candidates with, judged on its leave-one-out predictions.
 *
 * <p>A fit is usable when it succeeded, its leave-one-out R² is above {@link #THRESHOLD} and its
 * leave-one-out 95% coverage is not below {@link #THRESHOLD}. A failed fit has R² 0, as in tune.
 * When a fit is not usable, tune (and {@link BayesProposer}) picks the candidate farthest from
 * those already evaluated instead ({@link FallbackSamples#dissimilar}). {@code note} is tune's
 * message for the case. Immutable and thread-safe.
 *
 * <pre>{@code
 * GpCheck check = GpCheck.of(GaussianProcess.fit(enc, history, GpSettings.defaults(), 42L));
 * if (!check.usable()) { log(check.note()); }
 * }</pre>
 *
 * @param usable whether to score candidates with the fit
 * @param looRSquared the leave-one-out R² (0 for a failed fit)
 * @param looCoverage95 the leave-one-out 95% coverage (NaN for a failed fit)
 * @param note tune's message for the outcome
 */
public record GpCheck(boolean usable, double looRSquared, double looCoverage95, String note) {

  /** tune's {@code gp_threshold}: 0.1 for both the R² and the coverage. */
  public static final double THRESHOLD = 0.1;

  /** Checks the note is present. */
  public GpCheck {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("note is \"" + note + "\"; give tune's message");
    }
  }

  /** Checks a fit; a failed one is not usable. */
  public static GpCheck of(GpFit fit) {
    if (fit == null) {
      throw new IllegalArgumentException("fit is null; give the result of GaussianProcess.fit");
    }
    if (!fit.succeeded()) {
      return new GpCheck(false, 0.0, Double.NaN, "GP failed: " + fit.failureMessage());
    }
    return of(fit.modelOrThrow().leaveOneOut());
  }

  /** Checks leave-one-out results. */
  public static GpCheck of(LeaveOneOut loo) {
    double rsq = loo.rSquared();
    double coverage = loo.coverage95();
    boolean badCoverage = !(coverage >= THRESHOLD);
    boolean goodRsq = rsq > THRESHOLD;
    String percent = String.format(Locale.ROOT, "%.1f%%", rsq * 100);
    String note;
    if (!goodRsq) {
      note = "GP has a LOO R\u00B2 of " + percent + " and is unreliable.";
    } else if (badCoverage) {
      note = "GP has a coverage rate < " + String.format(Locale.ROOT, "%.1f%%", THRESHOLD * 100)
          + " and is unreliable.";
    } else {
      note = "Gaussian process model (LOO R\u00B2: " + percent + ")";
    }
    return new GpCheck(goodRsq && !badCoverage, rsq, coverage, note);
  }
}
