package org.tune4j.models.transfer;

import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.FittedHead;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;

/**
 * A transfer-learning model: a frozen backbone, a new trainable head, and how to fit it — the
 * kerasnip vignette's model in one value.
 *
 * <p>{@link #fit} builds the backbone, featurizes the training images once through the fused
 * inference plan (the backbone is frozen, so this equals DL4J's graph within float tolerance),
 * trains the head and returns a {@link FittedTransferModel} that predicts new images.
 * Immutable and thread-safe; each fit builds its own networks.
 *
 * <pre>{@code
 * TransferModel model = TransferModel.of(
 *     Backbone.resnet50(Weights.random(42)).inputSize(32, 32),
 *     HeadSpec.flatten(),
 *     FitSpec.defaults().epochs(5).validationSplit(0.2));
 * FittedTransferModel fitted = model.fit(train, epoch -> System.out.println(epoch.format(5)));
 * double accuracy = fitted.predict(test).accuracy(test.labels());
 * }</pre>
 *
 * @param backbone the frozen backbone
 * @param head the trainable head
 * @param fit how to train the head
 */
public record TransferModel(Backbone backbone, HeadSpec head, FitSpec fit) {

  /** Requires all three parts. */
  public TransferModel {
    Objects.requireNonNull(backbone, "backbone");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(fit, "fit");
  }

  /** A model from its three parts. */
  public static TransferModel of(Backbone backbone, HeadSpec head, FitSpec fit) {
    return new TransferModel(backbone, head, fit);
  }

  /**
   * Fits the head on the training images.
   *
   * @param train 3-channel images of the backbone's input size
   * @param onEpoch receives each epoch's metrics as it ends
   */
  public FittedTransferModel fit(ImageSet train, Consumer<EpochMetrics> onEpoch) {
    Featurizer featurizer = Featurizer.fused(backbone, head.input());
    INDArray features = featurizer.features(train);
    FittedHead fitted = HeadTrainer.fit(features, train.labels(), train.levels(), head, fit, onEpoch);
    return new FittedTransferModel(this, featurizer, fitted);
  }
}
