package org.tune4j.models.tune;

import java.util.List;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.head.fast.FastFittedHead;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.tuning.engine.ModelEngine.FittedModel;
import org.tune4j.tuning.metrics.ClassPredictions;

/**
 * Test-time augmentation of a fitted head: the mean of its class probabilities over augmented views of
 * the images, each view's features taken from (or first computed into) the feature store. Stateless.
 */
final class TestTimeViews {
  private TestTimeViews() {}

  /** A fitted cut model that can also average its predicted probabilities over augmented views of the images. */
  interface Model extends FittedModel {
    /**
     * The mean of the class probabilities over views {@code 1 … count} of rows {@code predictRows}, predicted class
     * the most probable on average; each view featurized once and cached.
     *
     * @throws IllegalArgumentException when {@code count} is below 1 or the spec has no augmentation
     */
    ClassPredictions predictWithViews(int[] predictRows, int count);
  }

  /**
   * {@code fast}'s probabilities of store rows {@code storeRows}, averaged over views {@code 1 … count} of
   * {@code aug}: summed view by view, then divided by {@code count}.
   *
   * @throws IllegalArgumentException when {@code count} is below 1
   */
  static Predictions mean(FastFittedHead fast, FeatureStore store, TransferModel model, Augmentation aug, int count,
      int[] storeRows, List<String> levels) {
    if (count < 1) {
      throw new IllegalArgumentException("test-time augmentation views = " + count + " must be at least 1");
    }
    double[][] sum = new double[storeRows.length][levels.size()];
    for (int v = 1; v <= count; v++) {
      store.viewFeatures(model, aug, v, 1, p -> { });
      String key = FeatureStore.viewKey(model.backbone(), model.head().input(), aug, v);
      double[][] p = fast.predict(TransferEngine.gather(store.featuresByKey(key), storeRows)).probabilities();
      for (int i = 0; i < sum.length; i++) {
        for (int k = 0; k < sum[i].length; k++) {
          sum[i][k] += p[i][k];
        }
      }
    }
    for (double[] row : sum) {
      for (int k = 0; k < row.length; k++) {
        row[k] /= count;
      }
    }
    return Predictions.fromProbabilities(levels, sum);
  }
}
