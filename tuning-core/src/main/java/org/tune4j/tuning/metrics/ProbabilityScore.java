package org.tune4j.tuning.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A proper scoring rule on class probabilities, where smaller is better: the mean log loss
 * ({@code mn_log_loss}) and the multiclass Brier score ({@code brier_class}). The estimator is
 * {@code binary} for two levels and {@code multiclass} for more, as in yardstick.
 *
 * <ul>
 *   <li>{@code mn_log_loss = −(1/N) Σ log p_i,truth(i)}, each probability first clipped to
 *       {@code [ε, 1 − ε]} with {@code ε} = {@link #LOG_LOSS_EPSILON} (R's
 *       {@code .Machine$double.eps}, as yardstick);</li>
 *   <li>{@code brier_class = (1/2N) Σ_i Σ_k (y_ik − p_ik)²}, {@code y} the one-hot truth.</li>
 * </ul>
 *
 * <p>For two levels only the event column is read and the other is taken as {@code 1 − p},
 * exactly as yardstick does. Immutable and thread-safe.
 */
public final class ProbabilityScore implements Metric {

  /** Clipping bound of mn_log_loss: the gap between 1 and the next double, 2^-52. */
  public static final double LOG_LOSS_EPSILON = Math.ulp(1.0);

  /** Which score. */
  enum Kind {
    LOG_LOSS,
    BRIER
  }

  private final Kind kind;

  ProbabilityScore(Kind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public String name() {
    return kind == Kind.LOG_LOSS ? "mn_log_loss" : "brier_class";
  }

  @Override
  public Direction direction() {
    return Direction.MINIMIZE;
  }

  @Override
  public boolean needsProbabilities() {
    return true;
  }

  @Override
  public MetricEstimate estimate(ClassPredictions predictions, EventLevel eventLevel) {
    Objects.requireNonNull(eventLevel, "eventLevel");
    requireProbabilities(name(), predictions);
    int c = predictions.numLevels();
    int[] truth = predictions.truthView();
    double[] p = predictions.probabilityView();
    int n = truth.length;
    double sum = 0;
    if (c == 2) {
      int e = eventLevel.eventIndex();
      for (int row = 0; row < n; row++) {
        double event = p[row * 2 + e];
        sum += kind == Kind.LOG_LOSS
            ? logLoss(truth[row] == e ? event : 1 - event)
            : brierBinary(truth[row] == e ? 1 : 0, event);
      }
    } else {
      for (int row = 0; row < n; row++) {
        sum += kind == Kind.LOG_LOSS ? logLoss(p[row * c + truth[row]])
            : brierRow(p, row * c, c, truth[row]);
      }
    }
    double value = kind == Kind.LOG_LOSS ? sum / n : sum / (2.0 * n);
    return new MetricEstimate(name(), Estimators.natural(c).label(), value, List.of());
  }

  @Override
  public String toString() {
    return name();
  }

  /** Throws unless the predictions carry probabilities. */
  static void requireProbabilities(String metric, ClassPredictions predictions) {
    Objects.requireNonNull(predictions, "predictions");
    if (!predictions.hasProbabilities()) {
      throw new IllegalArgumentException(metric + " needs class probabilities but these"
          + " predictions have none; give them (ClassPredictions.of(..., probabilities), or"
          + " pred_<level> columns in a CSV) or choose class metrics such as accuracy");
    }
  }

  private static double logLoss(double pTruth) {
    double clipped = Math.max(Math.min(pTruth, 1 - LOG_LOSS_EPSILON), LOG_LOSS_EPSILON);
    return -Math.log(clipped);
  }

  private static double brierBinary(int yEvent, double pEvent) {
    double a = yEvent - pEvent;
    double b = (1 - yEvent) - (1 - pEvent);
    return a * a + b * b;
  }

  private static double brierRow(double[] p, int offset, int c, int truth) {
    double s = 0;
    for (int k = 0; k < c; k++) {
      double d = (k == truth ? 1 : 0) - p[offset + k];
      s += d * d;
    }
    return s;
  }
}
