package org.tune4j.models.tune;

import java.util.Objects;
import org.tune4j.tuning.metrics.ClassPredictions;

/**
 * Test-time augmentation of a last fit, beside its plain prediction: the test images' class
 * probabilities averaged over {@code views} augmented views (the spec's own transforms and seed), and
 * the prediction of the plain images. Both list the test rows in the same order as
 * {@code LastFit.predictions()}. Immutable.
 *
 * <pre>{@code
 * LastFit fit = Tune.lastFit(finalSpec, split);
 * ViewPredictions tta = split.predictWithViews(fit, 8);
 * System.out.println(tta.plainAccuracy() + " -> " + tta.averagedAccuracy());
 * }</pre>
 *
 * @param views how many views were averaged
 * @param plain the prediction of the plain images
 * @param averaged the mean of the views' probabilities, each row's class the most probable on average
 */
public record ViewPredictions(int views, ClassPredictions plain, ClassPredictions averaged) {
  /**
   * Checks that both cover the same rows.
   *
   * @throws IllegalArgumentException when their sizes differ or {@code views} is below 1
   */
  public ViewPredictions {
    Objects.requireNonNull(plain, "plain");
    Objects.requireNonNull(averaged, "averaged");
    if (views < 1 || plain.size() != averaged.size()) {
      throw new IllegalArgumentException("views = " + views + " must be at least 1 and both predictions must cover"
          + " the same rows, not " + plain.size() + " and " + averaged.size());
    }
  }

  /** The plain prediction's accuracy. */
  public double plainAccuracy() {
    return accuracy(plain);
  }

  /** The averaged prediction's accuracy. */
  public double averagedAccuracy() {
    return accuracy(averaged);
  }

  private static double accuracy(ClassPredictions p) {
    int right = 0;
    for (int i = 0; i < p.size(); i++) {
      right += p.truth(i) == p.predicted(i) ? 1 : 0;
    }
    return p.size() == 0 ? Double.NaN : (double) right / p.size();
  }
}
