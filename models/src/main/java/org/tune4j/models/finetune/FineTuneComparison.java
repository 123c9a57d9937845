package org.tune4j.models.finetune;

import java.util.Objects;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.metrics.MetricTable;

/**
 * A last fit and its fine-tuned model side by side: the test metrics of the frozen model (the last fit's) and of the
 * fine-tuned one, computed with the same metric set on the same test images.
 *
 * <pre>{@code
 * LastFit fit = Tune.lastFit(finalSpec, split);
 * FineTuneComparison both = FineTuneComparison.of(fit, split, FineTune.topBlocks(1).epochs(5), MetricSet.parse("accuracy"),
 *     EventLevel.FIRST);
 * double gain = both.fineTuned().estimate("accuracy") - both.frozen().estimate("accuracy");
 * }</pre>
 *
 * @param model the fine-tuned model
 * @param frozen the last fit's test metrics
 * @param fineTuned the fine-tuned model's test metrics
 * @param predictions the fine-tuned model's test predictions with their truth
 */
public record FineTuneComparison(FineTunedModel model, MetricTable frozen, MetricTable fineTuned,
    ClassPredictions predictions) {

  /** Float32 softmax rows sum to 1 within a few float ulps per class. */
  static final double FLOAT_SUM_TOLERANCE = 1e-4;

  /** Requires every part. */
  public FineTuneComparison {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(frozen, "frozen");
    Objects.requireNonNull(fineTuned, "fineTuned");
    Objects.requireNonNull(predictions, "predictions");
  }

  /**
   * Fine-tunes the model of {@code lastFit} on {@code split}'s training images and scores it on its test images with
   * {@code metrics}; the frozen metrics are the last fit's own.
   *
   * @param lastFit a last fit on {@code split} whose backbone was frozen
   * @throws IllegalArgumentException when the last fit trained the whole graph (a trainable backbone), or as
   *     {@link FineTuner#fineTune}
   */
  public static FineTuneComparison of(LastFit lastFit, ImageSplit split, FineTune options, MetricSet metrics,
      EventLevel eventLevel) {
    Object unwrapped = lastFit.model().unwrap();
    if (!(unwrapped instanceof org.tune4j.models.transfer.FittedTransferModel frozen)) {
      throw new IllegalArgumentException("the last fit's model is a " + unwrapped.getClass().getSimpleName()
          + ", not a model fitted with its backbone frozen; fine-tuning starts from a frozen backbone's fitted head"
          + " (a trainable backbone was trained whole already): freeze the backbone, or drop fine_tune");
    }
    FineTunedModel tuned = FineTuner.fineTune(frozen, split.trainingImages(), options);
    org.tune4j.models.data.ImageSet test = split.testingImages();
    org.tune4j.models.head.Predictions p = tuned.predict(test);
    ClassPredictions predictions = ClassPredictions.of(p.levels(), test.labels(), p.predClasses(), p.probabilities(),
        FLOAT_SUM_TOLERANCE);
    return new FineTuneComparison(tuned, lastFit.metrics(), metrics.evaluate(predictions, eventLevel), predictions);
  }
}
