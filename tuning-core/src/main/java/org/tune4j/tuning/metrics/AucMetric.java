package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Area under the ROC curve ({@code roc_auc}) or under yardstick's precision–recall curve
 * ({@code pr_auc}), from class probabilities.
 *
 * <p>Two levels: the {@code binary} area for the event level. More levels: roc_auc defaults to
 * Hand and Till's {@code hand_till} (the mean over level pairs {@code i < j} of
 * {@code (A(i|j) + A(j|i)) / 2}); pr_auc defaults to {@code macro}. {@code macro} and
 * {@code macro_weighted} average the one-vs-all areas, weighted by truth counts for the latter.
 *
 * <p>Undefined cases follow yardstick: a level absent from the truth is dropped from Hand–Till
 * with a warning; it makes its one-vs-all area undefined, so a macro mean is {@code NaN} with a
 * warning; a binary problem without events or without controls gives {@code NaN}.
 *
 * <p>Each probability column is sorted once (O(n log n)); ties are one threshold, so tied
 * scores count one half, as the trapezoid rule does. Immutable and thread-safe.
 *
 * <pre>{@code
 * double auc = ClassificationMetrics.rocAuc().withEstimator(Estimator.MACRO)
 *     .estimate(predictions).estimate();
 * }</pre>
 */
public final class AucMetric implements Metric {

  /** Which curve. */
  enum Kind {
    ROC,
    PR
  }

  private final Kind kind;
  private final Estimator estimator; // null = automatic

  AucMetric(Kind kind, Estimator estimator) {
    this.kind = Objects.requireNonNull(kind, "kind");
    Set<Estimator> allowed = kind == Kind.ROC
        ? EnumSet.of(Estimator.BINARY, Estimator.HAND_TILL, Estimator.MACRO,
            Estimator.MACRO_WEIGHTED)
        : EnumSet.of(Estimator.BINARY, Estimator.MACRO, Estimator.MACRO_WEIGHTED);
    if (estimator != null && !allowed.contains(estimator)) {
      throw new IllegalArgumentException("estimator \"" + estimator.label() + "\" is not valid"
          + " for " + name() + "; choose from: " + (kind == Kind.ROC
              ? "binary, hand_till, macro, macro_weighted" : "binary, macro, macro_weighted"));
    }
    this.estimator = estimator;
  }

  /**
   * The same metric with a fixed estimator.
   *
   * @throws IllegalArgumentException for an estimator the metric does not offer
   */
  public AucMetric withEstimator(Estimator newEstimator) {
    return new AucMetric(kind, Objects.requireNonNull(newEstimator, "estimator"));
  }

  /** The fixed estimator, or empty when it is chosen from the number of levels. */
  public Optional<Estimator> estimator() {
    return Optional.ofNullable(estimator);
  }

  @Override
  public String name() {
    return kind == Kind.ROC ? "roc_auc" : "pr_auc";
  }

  @Override
  public Direction direction() {
    return Direction.MAXIMIZE;
  }

  @Override
  public boolean needsProbabilities() {
    return true;
  }

  @Override
  public MetricEstimate estimate(ClassPredictions predictions, EventLevel eventLevel) {
    Objects.requireNonNull(eventLevel, "eventLevel");
    ProbabilityScore.requireProbabilities(name(), predictions);
    Estimator est = Estimators.resolve(name(), estimator, predictions.numLevels(),
        kind == Kind.ROC ? Estimator.HAND_TILL : Estimator.MACRO);
    ColumnRanking ranking = new ColumnRanking(predictions);
    List<String> warnings = new ArrayList<>();
    double value;
    switch (est) {
      case BINARY:
        value = binary(ranking, eventLevel.eventIndex(), predictions.levels(), warnings);
        break;
      case HAND_TILL:
        value = handTill(ranking, predictions.levels(), warnings);
        break;
      default:
        value = average(ranking, est == Estimator.MACRO_WEIGHTED, predictions.levels(),
            warnings);
        break;
    }
    return new MetricEstimate(name(), est.label(), value, warnings);
  }

  @Override
  public String toString() {
    return name() + (estimator == null ? "" : "(" + estimator.label() + ")");
  }

  private double area(ColumnRanking ranking, int positive) {
    ranking.rank(positive);
    return kind == Kind.ROC ? ranking.oneVsAllAuc(positive) : ranking.prAuc(positive);
  }

  private double binary(ColumnRanking r, int event, List<String> levels, List<String> warnings) {
    warnMissingEventsOrControls(r, event, levels, "the estimate is NaN", warnings);
    return area(r, event);
  }

  private double average(ColumnRanking r, boolean weighted, List<String> levels,
      List<String> warnings) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < levels.size(); k++) {
      String consequence = "its one-vs-all " + name() + " is undefined, so the "
          + (weighted ? "macro_weighted" : "macro") + " average is NaN, as in yardstick";
      if (warnMissingEventsOrControls(r, k, levels, consequence, warnings)) {
        return Double.NaN;
      }
      double w = weighted ? r.classCount(k) : 1;
      num += w * area(r, k);
      den += w;
    }
    return num / den;
  }

  /** Hand & Till (2001), M = 2 / (C(C − 1)) Σ_{i<j} (A(i|j) + A(j|i)) / 2. */
  private double handTill(ColumnRanking r, List<String> levels, List<String> warnings) {
    List<Integer> present = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (int k = 0; k < levels.size(); k++) {
      if (r.classCount(k) > 0) {
        present.add(k);
      } else {
        absent.add("'" + levels.get(k) + "'");
      }
    }
    if (!absent.isEmpty()) {
      warnings.add(name() + ": no observations in the truth for level" + (absent.size() == 1
          ? " " : "s ") + String.join(", ", absent) + "; Hand-Till proceeds by ignoring "
          + (absent.size() == 1 ? "it" : "them") + ", as yardstick does");
    }
    int c = present.size();
    if (c < 2) {
      warnings.add(name() + ": fewer than 2 levels occur in the truth; the estimate is NaN");
      return Double.NaN;
    }
    double sum = 0;
    for (int i : present) {
      r.rank(i);
      double[] wins = r.pairwiseWins(i);
      for (int j : present) {
        if (j != i) {
          sum += wins[j] / ((double) r.classCount(i) * r.classCount(j));
        }
      }
    }
    return sum / ((double) c * (c - 1));
  }

  private boolean warnMissingEventsOrControls(ColumnRanking r, int event, List<String> levels,
      String consequence, List<String> warnings) {
    long events = r.classCount(event);
    if (events == 0) {
      warnings.add(name() + ": no event observations in the truth for level '"
          + levels.get(event) + "'; " + consequence);
      return true;
    }
    if (kind == Kind.ROC && events == r.size()) {
      warnings.add(name() + ": no control observations in the truth (every row is level '"
          + levels.get(event) + "'); " + consequence);
      return true;
    }
    return false;
  }
}
