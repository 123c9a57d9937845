package org.tune4j.tuning.metrics;

/** Chooses and checks a metric's estimator from the number of levels, as yardstick does. */
final class Estimators {

  private Estimators() {}

  /**
   * The estimator to use: the requested one if given (binary only with two levels), otherwise
   * binary for two levels and {@code multiclassDefault} for more.
   */
  static Estimator resolve(String metric, Estimator requested, int numLevels,
      Estimator multiclassDefault) {
    if (requested == null) {
      return numLevels == 2 ? Estimator.BINARY : multiclassDefault;
    }
    if (requested == Estimator.BINARY && numLevels != 2) {
      throw new IllegalArgumentException(metric + ": estimator \"binary\" needs 2 levels but the"
          + " predictions have " + numLevels + "; use " + multiclassDefault.label()
          + " or leave the estimator unset");
    }
    return requested;
  }

  /** {@code binary} for two levels, {@code multiclass} for more. */
  static Estimator natural(int numLevels) {
    return numLevels == 2 ? Estimator.BINARY : Estimator.MULTICLASS;
  }
}
