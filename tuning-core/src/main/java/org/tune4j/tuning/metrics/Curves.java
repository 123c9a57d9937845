package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ROC and precision–recall curve points, as yardstick's {@code roc_curve} and {@code pr_curve}:
 * one curve for the event level of a two-level problem, one-vs-all curves (one per level, in
 * level order) for more. Each distinct probability is one threshold.
 *
 * <pre>{@code
 * List<RocPoint> roc = Curves.roc(predictions, EventLevel.FIRST);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Curves {

  private Curves() {}

  /**
   * ROC curve points in increasing threshold order, framed by {@code (-Inf, spec 0, sens 1)}
   * and {@code (+Inf, spec 1, sens 0)}.
   *
   * @throws IllegalArgumentException if the predictions have no probabilities, or a curve's
   *     level has no events or no controls in the truth (as yardstick's roc_curve)
   */
  public static List<RocPoint> roc(ClassPredictions predictions, EventLevel eventLevel) {
    ProbabilityScore.requireProbabilities("roc_curve", predictions);
    ColumnRanking r = new ColumnRanking(predictions);
    List<RocPoint> out = new ArrayList<>();
    for (int level : curveLevels(predictions, eventLevel)) {
      String name = predictions.levels().get(level);
      double events = r.classCount(level);
      double controls = r.size() - events;
      if (events == 0 || controls == 0) {
        throw new IllegalArgumentException("roc_curve: no " + (events == 0 ? "event" : "control")
            + " observations in the truth for level '" + name + "'; a ROC curve needs both");
      }
      r.rank(level);
      double tp = events;
      double fp = controls;
      out.add(new RocPoint(name, Double.NEGATIVE_INFINITY, 0, 1));
      for (int i = 0, end; i < r.size(); i = end) {
        end = r.groupEnd(i);
        out.add(new RocPoint(name, r.score(i), 1 - fp / controls, tp / events));
        for (int j = i; j < end; j++) {
          if (r.label(j) == level) {
            tp--;
          } else {
            fp--;
          }
        }
      }
      out.add(new RocPoint(name, Double.POSITIVE_INFINITY, 1, 0));
    }
    return List.copyOf(out);
  }

  /**
   * Precision–recall curve points in decreasing threshold order, starting at
   * {@code (+Inf, recall 0, precision 1)}. A level without events gives NaN recalls.
   *
   * @throws IllegalArgumentException if the predictions have no probabilities
   */
  public static List<PrPoint> pr(ClassPredictions predictions, EventLevel eventLevel) {
    ProbabilityScore.requireProbabilities("pr_curve", predictions);
    ColumnRanking r = new ColumnRanking(predictions);
    List<PrPoint> out = new ArrayList<>();
    for (int level : curveLevels(predictions, eventLevel)) {
      String name = predictions.levels().get(level);
      double events = r.classCount(level);
      r.rank(level);
      out.add(new PrPoint(name, Double.POSITIVE_INFINITY, 0, 1));
      double tp = 0;
      double fp = 0;
      for (int end = r.size(); end > 0; ) {
        int start = r.groupStart(end - 1);
        for (int j = start; j < end; j++) {
          if (r.label(j) == level) {
            tp++;
          } else {
            fp++;
          }
        }
        out.add(new PrPoint(name, r.score(start), tp / events, tp / (tp + fp)));
        end = start;
      }
    }
    return List.copyOf(out);
  }

  private static int[] curveLevels(ClassPredictions predictions, EventLevel eventLevel) {
    Objects.requireNonNull(eventLevel, "eventLevel");
    int c = predictions.numLevels();
    if (c == 2) {
      return new int[] {eventLevel.eventIndex()};
    }
    int[] all = new int[c];
    for (int k = 0; k < c; k++) {
      all[k] = k;
    }
    return all;
  }
}
