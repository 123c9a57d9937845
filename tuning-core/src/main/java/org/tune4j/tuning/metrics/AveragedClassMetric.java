package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tune4j.tuning.metrics.OneVsAllRates.Rate;

/**
 * A class metric built from one-vs-all counts and averaged over levels: precision, recall,
 * sensitivity, specificity, f_meas, j_index, bal_accuracy, ppv and npv.
 *
 * <p>With two levels the default estimator is {@code binary} (the event level is the first
 * unless told otherwise); with more it is {@code macro}. {@code macro_weighted} weights each
 * level by its count in the truth; {@code micro} pools the counts first. A level whose rate
 * is undefined (a level never predicted has no precision; a level absent from the truth has
 * no recall) is reported in the warnings and, as in yardstick, left out of the mean for
 * precision, recall, sensitivity, specificity, f_meas and j_index; bal_accuracy, ppv and npv
 * keep it, so their mean is {@code NaN}. Nothing undefined is ever counted as 0 or 1.
 *
 * <pre>{@code
 * AveragedClassMetric f2 = ClassificationMetrics.fMeas(2.0).withEstimator(Estimator.MICRO);
 * double value = f2.estimate(predictions).estimate();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AveragedClassMetric implements Metric {

  /** Which statistic; package-private so only {@link ClassificationMetrics} makes them. */
  enum Kind {
    PRECISION(true, Rate.PRECISION),
    RECALL(true, Rate.RECALL),
    SPECIFICITY(true, Rate.SPECIFICITY),
    F_MEAS(true, Rate.PRECISION, Rate.RECALL),
    J_INDEX(true, Rate.RECALL, Rate.SPECIFICITY),
    BAL_ACCURACY(false, Rate.RECALL, Rate.SPECIFICITY),
    PPV(false, Rate.RECALL, Rate.SPECIFICITY),
    NPV(false, Rate.RECALL, Rate.SPECIFICITY);

    /** yardstick's {@code na.rm} in the weighted mean: drop undefined levels or propagate. */
    private final boolean dropUndefined;
    private final Rate[] rates;

    Kind(boolean dropUndefined, Rate... rates) {
      this.dropUndefined = dropUndefined;
      this.rates = rates;
    }
  }

  private static final Set<Estimator> ALLOWED =
      EnumSet.of(Estimator.BINARY, Estimator.MACRO, Estimator.MACRO_WEIGHTED, Estimator.MICRO);

  private final String name;
  private final Kind kind;
  private final Estimator estimator; // null = automatic
  private final double beta;
  private final double prevalence; // NaN = from the data

  AveragedClassMetric(String name, Kind kind, Estimator estimator, double beta,
      double prevalence) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    if (estimator != null && !ALLOWED.contains(estimator)) {
      throw new IllegalArgumentException("estimator \"" + estimator.label()
          + "\" is not valid for " + name + "; choose from: binary, macro, macro_weighted, micro");
    }
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException(
          "beta must be a finite number > 0, got " + beta + "; f_meas uses 1 by default");
    }
    if (!Double.isNaN(prevalence) && !(prevalence >= 0 && prevalence <= 1)) {
      throw new IllegalArgumentException(
          "prevalence must be in [0, 1], got " + prevalence + "; leave it unset to use the data's");
    }
    this.estimator = estimator;
    this.beta = beta;
    this.prevalence = prevalence;
  }

  /**
   * The same metric with a fixed estimator instead of the automatic one.
   *
   * @throws IllegalArgumentException for an estimator other than binary, macro, macro_weighted
   *     or micro
   */
  public AveragedClassMetric withEstimator(Estimator newEstimator) {
    return new AveragedClassMetric(name, kind, Objects.requireNonNull(newEstimator, "estimator"),
        beta, prevalence);
  }

  /** The fixed estimator, or empty when it is chosen from the number of levels. */
  public Optional<Estimator> estimator() {
    return Optional.ofNullable(estimator);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Direction direction() {
    return Direction.MAXIMIZE;
  }

  @Override
  public boolean needsProbabilities() {
    return false;
  }

  @Override
  public MetricEstimate estimate(ClassPredictions predictions, EventLevel eventLevel) {
    return estimate(ConfusionMatrix.of(Objects.requireNonNull(predictions, "predictions")),
        eventLevel);
  }

  /** Computes the metric from a confusion matrix. */
  public MetricEstimate estimate(ConfusionMatrix cm, EventLevel eventLevel) {
    Objects.requireNonNull(cm, "confusion matrix");
    Objects.requireNonNull(eventLevel, "eventLevel");
    Estimator est = Estimators.resolve(name, estimator, cm.numLevels(), Estimator.MACRO);
    OneVsAllRates r = OneVsAllRates.of(cm);
    List<String> warnings = new ArrayList<>();
    double value;
    if (est == Estimator.BINARY) {
      int e = eventLevel.eventIndex();
      warnRates(r, new int[] {e}, "the estimate is NaN", warnings);
      value = one(r, e);
    } else if (est == Estimator.MICRO) {
      warnRates(r, allLevels(r), "they add nothing to the pooled counts", warnings);
      value = micro(r);
    } else {
      warnRates(r, allLevels(r), kind.dropUndefined
          ? "they are left out of the " + est.label() + " average"
          : "as in yardstick, " + name + " keeps them, so the " + est.label() + " average is NaN",
          warnings);
      value = average(r, est == Estimator.MACRO_WEIGHTED);
    }
    if (Double.isNaN(value) && warnings.isEmpty()) {
      warnings.add(name + ": the estimate is undefined (NaN) for these data: a denominator is 0");
    }
    return new MetricEstimate(name, est.label(), value, warnings);
  }

  @Override
  public String toString() {
    return name + (estimator == null ? "" : "(" + estimator.label() + ")");
  }

  private void warnRates(OneVsAllRates r, int[] ks, String consequence, List<String> warnings) {
    for (Rate rate : kind.rates) {
      r.warnUndefined(rate, ks, name, consequence, warnings);
    }
  }

  private double one(OneVsAllRates r, int k) {
    double prev = Double.isNaN(prevalence) ? r.prevalence(k) : prevalence;
    return combine(r.value(Rate.PRECISION, k), r.value(Rate.RECALL, k),
        r.value(Rate.SPECIFICITY, k), prev);
  }

  private double micro(OneVsAllRates r) {
    double prev = Double.isNaN(prevalence) ? 1.0 / r.numLevels() : prevalence;
    return combine(r.micro(Rate.PRECISION), r.micro(Rate.RECALL), r.micro(Rate.SPECIFICITY),
        prev);
  }

  private double combine(double precision, double recall, double specificity, double prev) {
    switch (kind) {
      case PRECISION:
        return precision;
      case RECALL:
        return recall;
      case SPECIFICITY:
        return specificity;
      case F_MEAS:
        if (precision == 0 && recall == 0) {
          return 0; // tp == 0: well defined as 0, as yardstick and scikit-learn do
        }
        return (1 + beta * beta) * precision * recall / (beta * beta * precision + recall);
      case J_INDEX:
        return recall + specificity - 1;
      case BAL_ACCURACY:
        return (recall + specificity) / 2;
      case PPV:
        return ratioOrNaN(recall * prev, recall * prev + (1 - specificity) * (1 - prev));
      default: // NPV
        return ratioOrNaN(specificity * (1 - prev),
            (1 - recall) * prev + specificity * (1 - prev));
    }
  }

  private static double ratioOrNaN(double numerator, double denominator) {
    return denominator > 0 ? numerator / denominator : Double.NaN;
  }

  /** yardstick's {@code weighted.mean(x, w, na.rm = dropUndefined)}. */
  private double average(OneVsAllRates r, boolean weighted) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < r.numLevels(); k++) {
      double v = one(r, k);
      double w = weighted ? r.truthCount(k) : 1;
      if (Double.isNaN(v)) {
        if (kind.dropUndefined) {
          continue;
        }
        return Double.NaN;
      }
      num += v * w;
      den += w;
    }
    return num / den;
  }

  private static int[] allLevels(OneVsAllRates r) {
    int[] ks = new int[r.numLevels()];
    for (int k = 0; k < ks.length; k++) {
      ks[k] = k;
    }
    return ks;
  }
}
