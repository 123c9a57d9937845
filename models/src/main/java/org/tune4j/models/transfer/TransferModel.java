package org.tune4j.models.transfer;

import java.util.Objects;
import java.util.Optional;
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
 * A transfer-learning model: a backbone (frozen unless said otherwise), a new trainable head, and
 * how to fit it — the kerasnip vignette's model in one value.
 *
 * <p>A model with a frozen backbone can be cut: {@link #fit} builds the backbone, featurizes the training images once through the fused
 * inference plan (the backbone is frozen, so this equals DL4J's graph within float tolerance),
 * trains the head and returns a {@link FittedTransferModel} that predicts new images.
 * A model whose backbone is trainable cannot be cut ({@link #plainPathReason()} says why): only
 * {@link #fitWholeGraph} trains it, the whole DL4J graph on the images ({@link WholeGraphTrainer}).
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
 * @param backbone the backbone
 * @param head the trainable head
 * @param fit how to train the head (and the backbone when it is trainable)
 * @param frozenBackbone whether the backbone is frozen (inference mode, never trained)
 */
public record TransferModel(Backbone backbone, HeadSpec head, FitSpec fit, boolean frozenBackbone) {

  /** Requires all three parts. */
  public TransferModel {
    Objects.requireNonNull(backbone, "backbone");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(fit, "fit");
  }

  /** A model with a frozen backbone from its three parts. */
  public static TransferModel of(Backbone backbone, HeadSpec head, FitSpec fit) {
    return new TransferModel(backbone, head, fit, true);
  }

  /** A copy whose backbone is frozen ({@code true}) or trained with the head ({@code false}). */
  public TransferModel frozenBackbone(boolean frozen) {
    return new TransferModel(backbone, head, fit, frozen);
  }

  /**
   * Why this model cannot be cut into a cached frozen prefix and a head, or empty when it can.
   * A model that cannot be cut trains on the plain path: the whole graph on the images, every fit.
   */
  public Optional<String> plainPathReason() {
    return frozenBackbone ? Optional.empty() : Optional.of("its backbone is trainable");
  }

  /**
   * Fits the head on features of the frozen backbone (the fast path).
   *
   * @param train 3-channel images of the backbone's input size
   * @param onEpoch receives each epoch's metrics as it ends
   * @throws IllegalStateException when the backbone is trainable: use {@link #fitWholeGraph}
   */
  public FittedTransferModel fit(ImageSet train, Consumer<EpochMetrics> onEpoch) {
    if (!frozenBackbone) {
      throw new IllegalStateException("this model cannot be cut (" + plainPathReason().orElseThrow()
          + "), so its head cannot be trained on cached features; train the whole graph with fitWholeGraph(train,"
          + " onEpoch), or freeze the backbone with frozenBackbone(true)");
    }
    Featurizer featurizer = Featurizer.fused(backbone, head.input());
    INDArray features = featurizer.features(train);
    FittedHead fitted = HeadTrainer.fit(features, train.labels(), train.levels(), head, fit, onEpoch);
    return new FittedTransferModel(this, featurizer, fitted);
  }

  /**
   * Trains the whole DL4J graph on the images — the plain path, for any model; the backbone is
   * trained too unless it is frozen. Much slower than {@link #fit} when the backbone is frozen.
   *
   * @param train 3-channel images of the backbone's input size
   * @param onEpoch receives each epoch's metrics as it ends
   */
  public FittedWholeGraph fitWholeGraph(ImageSet train, Consumer<EpochMetrics> onEpoch) {
    return WholeGraphTrainer.fit(this, train, onEpoch);
  }
}
