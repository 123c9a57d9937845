package org.tune4j.models.transfer;

import java.util.List;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FittedHead;
import org.tune4j.models.head.Predictions;

/**
 * A transfer model after {@link TransferModel#fit}: the frozen backbone with its trained head.
 * Not thread-safe (it holds DL4J networks); use one per thread.
 */
public final class FittedTransferModel {
  private final TransferModel model;
  private final Featurizer featurizer;
  private final FittedHead head;

  FittedTransferModel(TransferModel model, Featurizer featurizer, FittedHead head) {
    this.model = model;
    this.featurizer = featurizer;
    this.head = head;
  }

  /** A fitted model from its parts: the model, the featurizer of its backbone, the trained head. */
  public static FittedTransferModel of(TransferModel model, Featurizer featurizer, FittedHead head) {
    return new FittedTransferModel(model, featurizer, head);
  }

  /** What was fitted. */
  public TransferModel model() {
    return model;
  }

  /** Each epoch's loss and accuracy. */
  public List<EpochMetrics> history() {
    return head.history();
  }

  /** The trained head. */
  public FittedHead head() {
    return head;
  }

  /** Predicts classes and per-class probabilities for new images. */
  public Predictions predict(ImageSet images) {
    return head.predict(featurizer.features(images));
  }
}
