package org.tune4j.benchmarks.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.tune4j.benchmarks.endtoend.VignetteTuningRun;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.finetune.FineTune;
import org.tune4j.models.finetune.FineTunedModel;
import org.tune4j.models.finetune.FineTuner;
import org.tune4j.models.finetune.WholeGraphFineTuner;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.weights.Weights;

/**
 * Fine-tuning ResNet50's top block ({@code conv5_block3}) with a 64-unit head at 32×32 on the embedded Fashion-MNIST
 * sample: seconds per epoch of {@link FineTuner} (the frozen part run once, its output cached; an epoch trains the top
 * block and the head, then measures the training loss on the cached rows) against
 * {@link WholeGraphFineTuner} (DL4J's whole graph with the lower part frozen, every minibatch running it again; no
 * loss measured). Both train the same weights on the same minibatches; the first also reports the one-off cost of
 * the frozen part and the graph. Random weights: the timing does not depend on them.
 *
 * <p>Run (not part of the build; a few minutes on 2 cores, nothing else running):
 * {@code mvn -o -q -pl benchmarks -am package -DskipTests}, then
 * {@code java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.tune4j.benchmarks.finetune.FineTuneRun [epochs=3] [images per class=100] [blocks=1]}.
 */
public final class FineTuneRun {
  private FineTuneRun() {}

  /** Fits the frozen head, then times both fine-tunes and prints one line each and their ratio. */
  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    if (epochs < 2) {
      throw new IllegalArgumentException("epochs = " + epochs + "; give at least 2 (the first one includes warm-up)");
    }
    NativeBackend.initialize();
    ImageSet train = VignetteTuningRun.prepare(EmbeddedSample.fashionMnist().train().firstPerClass(perClass));
    Backbone backbone = Backbone.resnet50(Weights.random(42)).inputSize(32, 32);
    FittedTransferModel frozen = TransferModel.of(backbone, HeadSpec.globalAveragePooling().dense(64, "relu"),
        FitSpec.defaults().epochs(2).batchSize(32).learnRate(1e-3).seed(1)).fit(train, m -> { });
    FineTune options = FineTune.topBlocks(blocks).learnRate(1e-5).epochs(epochs).batchSize(32).validationSplit(0);

    List<Long> marks = new ArrayList<>();
    long t0 = System.nanoTime();
    FineTunedModel tuned = FineTuner.fineTune(frozen, train, options, m -> marks.add(System.nanoTime()));
    double total = (System.nanoTime() - t0) / 1e9;
    double cachedEpoch = (marks.get(marks.size() - 1) - marks.get(0)) / 1e9 / (marks.size() - 1);
    double setup = (marks.get(0) - t0) / 1e9 - cachedEpoch;
    System.out.printf(Locale.ROOT, "cached prefix (below %s): %d images, frozen part + graph %.2f s once, %.3f s per"
        + " epoch (epochs 2..%d), %.1f s in all%n", tuned.frozenOutput(), train.size(), setup, cachedEpoch, epochs,
        total);

    ComputationGraph whole = WholeGraphFineTuner.build(frozen, options);
    List<Double> seconds = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long e0 = System.nanoTime();
      WholeGraphFineTuner.fitEpoch(whole, train, options, epoch);
      seconds.add((System.nanoTime() - e0) / 1e9);
    }
    double wholeEpoch = seconds.subList(1, seconds.size()).stream().mapToDouble(Double::doubleValue).average()
        .orElseThrow();
    System.out.printf(Locale.ROOT, "whole graph, lower part frozen: %.3f s per epoch (epochs 2..%d), first %.3f s%n",
        wholeEpoch, epochs, seconds.get(0));
    System.out.printf(Locale.ROOT, "per epoch: the cached prefix is %.1fx faster; it pays for its one-off frozen pass"
        + " after %.1f epochs%n", wholeEpoch / cachedEpoch, setup / Math.max(1e-9, wholeEpoch - cachedEpoch));
  }
}
