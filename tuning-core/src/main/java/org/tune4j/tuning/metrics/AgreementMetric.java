package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A class metric with a natural multiclass form that does not depend on the event level:
 * accuracy, Cohen's kappa ({@code kap}, optionally weighted) and the Matthews correlation
 * coefficient ({@code mcc}, Gorodkin's R_K for more than two levels). Its estimator is
 * {@code binary} for two levels and {@code multiclass} for more, as in yardstick.
 *
 * <pre>{@code
 * double k = ClassificationMetrics.kap(KapWeighting.QUADRATIC).estimate(predictions).estimate();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AgreementMetric implements Metric {

  /** Which statistic. */
  enum Kind {
    ACCURACY,
    KAP,
    MCC
  }

  private final String name;
  private final Kind kind;
  private final KapWeighting weighting;

  AgreementMetric(String name, Kind kind, KapWeighting weighting) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.weighting = Objects.requireNonNull(weighting, "weighting");
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

  /** The kappa weighting ({@link KapWeighting#NONE} for accuracy and mcc). */
  public KapWeighting weighting() {
    return weighting;
  }

  @Override
  public MetricEstimate estimate(ClassPredictions predictions, EventLevel eventLevel) {
    return estimate(ConfusionMatrix.of(Objects.requireNonNull(predictions, "predictions")));
  }

  /** Computes the metric from a confusion matrix. */
  public MetricEstimate estimate(ConfusionMatrix cm) {
    Objects.requireNonNull(cm, "confusion matrix");
    List<String> warnings = new ArrayList<>();
    double value;
    switch (kind) {
      case ACCURACY:
        value = (double) cm.correct() / cm.total();
        break;
      case KAP:
        value = kap(cm);
        if (Double.isNaN(value)) {
          warnings.add(name + ": undefined (NaN): the agreement expected by chance is 0, which"
              + " happens when truth and predictions are all one and the same level");
        }
        break;
      default:
        value = mcc(cm);
        if (Double.isNaN(value)) {
          warnings.add(name + ": undefined (NaN): all predictions or all true values are one"
              + " level, so a correlation has a zero denominator (yardstick returns NA too;"
              + " scikit-learn would report 0)");
        }
        break;
    }
    return new MetricEstimate(name, Estimators.natural(cm.numLevels()).label(), value, warnings);
  }

  /** {@code 1 − Σ w·O / Σ w·E}, with E the counts expected from the margins. */
  private double kap(ConfusionMatrix cm) {
    int c = cm.numLevels();
    double n = cm.total();
    double[] rowSums = new double[c];
    double[] colSums = new double[c];
    for (int k = 0; k < c; k++) {
      rowSums[k] = cm.predictedTotal(k);
      colSums[k] = cm.truthTotal(k);
    }
    double disagree = 0;
    double chance = 0;
    for (int p = 0; p < c; p++) {
      for (int t = 0; t < c; t++) {
        double w = weighting.weight(p, t);
        disagree += w * cm.count(p, t);
        chance += w * rowSums[p] * colSums[t] / n;
      }
    }
    return chance == 0 ? Double.NaN : 1 - disagree / chance;
  }

  /**
   * Gorodkin's R_K: {@code (c·s − Σ p_k t_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²))}, with
   * {@code c} correct rows, {@code s} all rows, {@code p_k}/{@code t_k} predicted/true counts.
   * For two levels it is the usual binary MCC.
   */
  private static double mcc(ConfusionMatrix cm) {
    int c = cm.numLevels();
    double s = cm.total();
    double correct = cm.correct();
    double pt = 0;
    double pp = 0;
    double tt = 0;
    for (int k = 0; k < c; k++) {
      double p = cm.predictedTotal(k);
      double t = cm.truthTotal(k);
      pt += p * t;
      pp += p * p;
      tt += t * t;
    }
    double denom = Math.sqrt(s * s - pp) * Math.sqrt(s * s - tt);
    return denom == 0 ? Double.NaN : (correct * s - pt) / denom;
  }

  @Override
  public String toString() {
    return kind == Kind.KAP && weighting != KapWeighting.NONE
        ? name + "(" + weighting.label() + ")" : name;
  }
}
