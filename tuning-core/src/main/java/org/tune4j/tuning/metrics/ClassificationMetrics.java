package org.tune4j.tuning.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Static factories for yardstick's classification metrics, and a look-up by name.
 *
 * <pre>{@code
 * MetricSet set = MetricSet.of(ClassificationMetrics.rocAuc(),
 *     ClassificationMetrics.fMeas(2.0).withEstimator(Estimator.MACRO_WEIGHTED),
 *     ClassificationMetrics.byName("kap:quadratic"));
 * }</pre>
 *
 * <p>Every returned metric is immutable and thread-safe.
 */
public final class ClassificationMetrics {

  /** Names {@link #byName} knows, in the order they are documented. */
  public static final List<String> NAMES = List.of(
      "accuracy", "kap", "mcc", "bal_accuracy", "precision", "recall", "f_meas",
      "sensitivity", "sens", "specificity", "spec", "ppv", "npv", "j_index",
      "roc_auc", "pr_auc", "mn_log_loss", "brier_class");

  private ClassificationMetrics() {}

  /** Share of rows whose predicted class is the true class. */
  public static AgreementMetric accuracy() {
    return new AgreementMetric("accuracy", AgreementMetric.Kind.ACCURACY, KapWeighting.NONE);
  }

  /** Cohen's unweighted kappa. */
  public static AgreementMetric kap() {
    return kap(KapWeighting.NONE);
  }

  /** Cohen's kappa with the given disagreement weights. */
  public static AgreementMetric kap(KapWeighting weighting) {
    return new AgreementMetric("kap", AgreementMetric.Kind.KAP, weighting);
  }

  /** Matthews correlation coefficient (Gorodkin's R_K for more than two levels). */
  public static AgreementMetric mcc() {
    return new AgreementMetric("mcc", AgreementMetric.Kind.MCC, KapWeighting.NONE);
  }

  /** Balanced accuracy, {@code (sensitivity + specificity) / 2} per level. */
  public static AveragedClassMetric balAccuracy() {
    return averaged("bal_accuracy", AveragedClassMetric.Kind.BAL_ACCURACY);
  }

  /** Precision, {@code tp / (tp + fp)}. */
  public static AveragedClassMetric precision() {
    return averaged("precision", AveragedClassMetric.Kind.PRECISION);
  }

  /** Recall, {@code tp / (tp + fn)}. */
  public static AveragedClassMetric recall() {
    return averaged("recall", AveragedClassMetric.Kind.RECALL);
  }

  /** F1, the harmonic mean of precision and recall. */
  public static AveragedClassMetric fMeas() {
    return fMeas(1.0);
  }

  /** F-beta: {@code (1 + β²)·P·R / (β²·P + R)}; β > 1 weighs recall more. */
  public static AveragedClassMetric fMeas(double beta) {
    return new AveragedClassMetric("f_meas", AveragedClassMetric.Kind.F_MEAS, null, beta,
        Double.NaN);
  }

  /** Sensitivity (the same number as recall), reported as {@code sensitivity}. */
  public static AveragedClassMetric sensitivity() {
    return averaged("sensitivity", AveragedClassMetric.Kind.RECALL);
  }

  /** Specificity, {@code tn / (tn + fp)}, reported as {@code specificity}. */
  public static AveragedClassMetric specificity() {
    return averaged("specificity", AveragedClassMetric.Kind.SPECIFICITY);
  }

  /** Positive predictive value with the prevalence of the data (equals precision). */
  public static AveragedClassMetric ppv() {
    return averaged("ppv", AveragedClassMetric.Kind.PPV);
  }

  /** Positive predictive value for an assumed prevalence of the event in [0, 1]. */
  public static AveragedClassMetric ppv(double prevalence) {
    return new AveragedClassMetric("ppv", AveragedClassMetric.Kind.PPV, null, 1.0,
        checkPrevalence(prevalence));
  }

  /** Negative predictive value with the prevalence of the data. */
  public static AveragedClassMetric npv() {
    return averaged("npv", AveragedClassMetric.Kind.NPV);
  }

  /** Negative predictive value for an assumed prevalence of the event in [0, 1]. */
  public static AveragedClassMetric npv(double prevalence) {
    return new AveragedClassMetric("npv", AveragedClassMetric.Kind.NPV, null, 1.0,
        checkPrevalence(prevalence));
  }

  /** Youden's J, {@code sensitivity + specificity − 1}. */
  public static AveragedClassMetric jIndex() {
    return averaged("j_index", AveragedClassMetric.Kind.J_INDEX);
  }

  /** Area under the ROC curve (Hand–Till for more than two levels). */
  public static AucMetric rocAuc() {
    return new AucMetric(AucMetric.Kind.ROC, null);
  }

  /** Area under the precision–recall curve by the trapezoid rule (macro for more levels). */
  public static AucMetric prAuc() {
    return new AucMetric(AucMetric.Kind.PR, null);
  }

  /** Mean log loss with probabilities clipped to [ε, 1 − ε]. */
  public static ProbabilityScore mnLogLoss() {
    return new ProbabilityScore(ProbabilityScore.Kind.LOG_LOSS);
  }

  /** Multiclass Brier score, {@code (1/2N) ΣΣ (y − p)²}. */
  public static ProbabilityScore brierClass() {
    return new ProbabilityScore(ProbabilityScore.Kind.BRIER);
  }

  /**
   * A metric by its yardstick name, optionally followed by {@code :estimator} (e.g.
   * {@code precision:micro}, {@code roc_auc:macro_weighted}) or, for kap, {@code :weighting}
   * ({@code kap:quadratic}).
   *
   * @throws IllegalArgumentException naming the unknown name or option and the choices
   */
  public static Metric byName(String spec) {
    Objects.requireNonNull(spec, "metric name");
    String trimmed = spec.trim();
    int colon = trimmed.indexOf(':');
    String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
    String option = colon < 0 ? null : trimmed.substring(colon + 1);
    Metric base = plain(name);
    if (option == null) {
      return base;
    }
    if (base instanceof AgreementMetric && name.equals("kap")) {
      return kap(KapWeighting.fromLabel(option));
    }
    Estimator estimator = Estimator.fromLabel(option);
    if (base instanceof AveragedClassMetric) {
      return ((AveragedClassMetric) base).withEstimator(estimator);
    }
    if (base instanceof AucMetric) {
      return ((AucMetric) base).withEstimator(estimator);
    }
    throw new IllegalArgumentException("metric \"" + name + "\" takes no option, got \"" + spec
        + "\"; its estimator follows from the number of levels");
  }

  private static Metric plain(String name) {
    switch (name) {
      case "accuracy": return accuracy();
      case "kap": return kap();
      case "mcc": return mcc();
      case "bal_accuracy": return balAccuracy();
      case "precision": return precision();
      case "recall": return recall();
      case "f_meas": return fMeas();
      case "sensitivity": return sensitivity();
      case "sens": return averaged("sens", AveragedClassMetric.Kind.RECALL);
      case "specificity": return specificity();
      case "spec": return averaged("spec", AveragedClassMetric.Kind.SPECIFICITY);
      case "ppv": return ppv();
      case "npv": return npv();
      case "j_index": return jIndex();
      case "roc_auc": return rocAuc();
      case "pr_auc": return prAuc();
      case "mn_log_loss": return mnLogLoss();
      case "brier_class": return brierClass();
      default:
        throw new IllegalArgumentException("metric \"" + name + "\" is not known; choose from: "
            + String.join(", ", NAMES));
    }
  }

  private static AveragedClassMetric averaged(String name, AveragedClassMetric.Kind kind) {
    return new AveragedClassMetric(name, kind, null, 1.0, Double.NaN);
  }

  private static double checkPrevalence(double prevalence) {
    if (!(prevalence >= 0 && prevalence <= 1)) {
      throw new IllegalArgumentException("prevalence must be in [0, 1], got " + prevalence
          + "; use ppv()/npv() without it to take the data's prevalence");
    }
    return prevalence;
  }
}
