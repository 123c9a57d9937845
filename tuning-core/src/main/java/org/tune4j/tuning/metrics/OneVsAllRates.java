package org.tune4j.tuning.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-vs-all counts of each level of a confusion matrix ({@code tp, fp, fn, tn}) and the
 * rates built on them, with yardstick's rules for when a rate is undefined.
 */
final class OneVsAllRates {

  /** A base rate, its denominator, and the words yardstick uses when it is zero. */
  enum Rate {
    PRECISION("precision", "no predicted events", "true_positive + false_positive = 0"),
    RECALL("recall", "no true events", "true_positive + false_negative = 0"),
    SPECIFICITY("specificity", "no true negatives", "true_negative + false_positive = 0");

    private final String label;
    private final String why;
    private final String condition;

    Rate(String label, String why, String condition) {
      this.label = label;
      this.why = why;
      this.condition = condition;
    }
  }

  private final List<String> levels;
  private final double[] tp;
  private final double[] fp;
  private final double[] fn;
  private final double[] tn;
  private final double n;

  private OneVsAllRates(List<String> levels, double[] tp, double[] fp, double[] fn, double[] tn,
      double n) {
    this.levels = levels;
    this.tp = tp;
    this.fp = fp;
    this.fn = fn;
    this.tn = tn;
    this.n = n;
  }

  static OneVsAllRates of(ConfusionMatrix cm) {
    int c = cm.numLevels();
    double n = cm.total();
    double[] tp = new double[c];
    double[] fp = new double[c];
    double[] fn = new double[c];
    double[] tn = new double[c];
    for (int k = 0; k < c; k++) {
      tp[k] = cm.count(k, k);
      fp[k] = cm.predictedTotal(k) - tp[k];
      fn[k] = cm.truthTotal(k) - tp[k];
      tn[k] = n - tp[k] - fp[k] - fn[k];
    }
    return new OneVsAllRates(cm.levels(), tp, fp, fn, tn, n);
  }

  int numLevels() {
    return tp.length;
  }

  double total() {
    return n;
  }

  /** Share of the rows whose truth is level {@code k}. */
  double prevalence(int k) {
    return (tp[k] + fn[k]) / n;
  }

  /** The weight of level {@code k} in a macro_weighted mean: its truth count. */
  double truthCount(int k) {
    return tp[k] + fn[k];
  }

  boolean defined(Rate rate, int k) {
    return denominator(rate, k) > 0;
  }

  /** The rate of level {@code k}, NaN when its denominator is 0. */
  double value(Rate rate, int k) {
    double d = denominator(rate, k);
    return d > 0 ? numerator(rate, k) / d : Double.NaN;
  }

  /** The rate of the pooled counts of all levels (the micro estimator). */
  double micro(Rate rate) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < tp.length; k++) {
      num += numerator(rate, k);
      den += denominator(rate, k);
    }
    return den > 0 ? num / den : Double.NaN;
  }

  /**
   * Adds a warning if {@code rate} is undefined for any of the {@code levels}.
   *
   * @param consequence what the caller does with such levels, e.g. "the estimate is NaN"
   */
  void warnUndefined(Rate rate, int[] ks, String metric, String consequence,
      List<String> warnings) {
    List<String> names = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (int k : ks) {
      if (!defined(rate, k)) {
        names.add("'" + levels.get(k) + "'");
        counts.add("'" + levels.get(k) + "': " + (long) otherCount(rate, k));
      }
    }
    if (names.isEmpty()) {
      return;
    }
    warnings.add(String.format(Locale.ROOT,
        "%s: %s is undefined for level%s %s (%s: %s); %s. %s: %s",
        metric, rate.label, names.size() == 1 ? "" : "s", String.join(", ", names), rate.why,
        rate.condition, consequence, otherCountLabel(rate), String.join(", ", counts)));
  }

  private double numerator(Rate rate, int k) {
    return rate == Rate.SPECIFICITY ? tn[k] : tp[k];
  }

  private double denominator(Rate rate, int k) {
    switch (rate) {
      case PRECISION:
        return tp[k] + fp[k];
      case RECALL:
        return tp[k] + fn[k];
      default:
        return tn[k] + fp[k];
    }
  }

  /** The count yardstick reports beside an undefined rate. */
  private double otherCount(Rate rate, int k) {
    switch (rate) {
      case PRECISION:
        return fn[k];
      case RECALL:
        return fp[k];
      default:
        return fn[k];
    }
  }

  private static String otherCountLabel(Rate rate) {
    switch (rate) {
      case PRECISION:
        return "true events that did occur";
      case RECALL:
        return "predicted events that did occur";
      default:
        return "predicted negatives that did occur";
    }
  }
}
