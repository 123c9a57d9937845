package org.tune4j.models.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.transfer.WholeGraphTrainerTest;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.weights.Weights;

/**
 * Fine-tuning the top blocks: the warm start predicts what the frozen model predicts, the inference-mode BatchNorm
 * gives the true gradient, early stopping keeps the best epoch, and bad options are refused.
 */
class FineTunerTest {
  /** Two float32 forward passes (fused plan against DL4J's graph with BatchNorm as an affine map) differ by this. */
  static final double PROBABILITY_TOLERANCE = 1e-5;
  /** Central differences in float64 with step {@value #STEP} agree with the analytic gradient to this (relative). */
  static final double GRADIENT_TOLERANCE = 1e-5;
  static final double STEP = 1e-6;
  /** A recomputed float32 loss against the one measured after the epoch. */
  static final double LOSS_TOLERANCE = 1e-6;
  /** The fused plan (BatchNorm folded) against DL4J's graph, relative to the largest activation. */
  static final double ACTIVATION_TOLERANCE = 1e-5;
  static final ResNetArchitecture TINY = WholeGraphTrainerTest.TINY;

  static ImageSet images(int perClass) {
    return WholeGraphTrainerTest.images(perClass);
  }

  static Backbone tiny() {
    return WholeGraphTrainerTest.tiny();
  }

  static FittedTransferModel frozen(HeadSpec head, ImageSet train) {
    return frozen(TINY, head, train);
  }

  /** A head fitted on a frozen backbone of {@code arch} (random weights) at 32×32. */
  static FittedTransferModel frozen(ResNetArchitecture arch, HeadSpec head, ImageSet train) {
    FitSpec fit = FitSpec.defaults().epochs(2).batchSize(8).learnRate(0.01).seed(3);
    return TransferModel.of(Backbone.resnet(arch, Weights.random(1)).inputSize(32, 32), head, fit).fit(train, m -> { });
  }

  @Test
  void withNoEpochTheFineTunedModelPredictsWhatTheFrozenModelPredicts() {
    ImageSet train = images(4);
    ImageSet other = images(6);
    for (HeadSpec head : List.of(HeadSpec.globalAveragePooling().dense(8, "relu").dropout(0.3),
        HeadSpec.flatten().dense(6, "tanh").batchNorm())) {
      FittedTransferModel frozen = frozen(head, train);
      Predictions expected = frozen.predict(other);
      for (FineTune options : List.of(FineTune.topBlocks(1), FineTune.topBlocks(2), FineTune.stage("conv3"))) {
        FineTunedModel tuned = FineTuner.fineTune(frozen, train, options.epochs(0));
        assertEquals(0, tuned.bestEpoch());
        assertTrue(tuned.history().isEmpty());
        Predictions actual = tuned.predict(other);
        for (int i = 0; i < other.size(); i++) {
          for (int k = 0; k < other.levels().size(); k++) {
            assertEquals(expected.probability(i, k), actual.probability(i, k), PROBABILITY_TOLERANCE,
                head + " " + options.blocks() + " row " + i + " class " + k);
          }
        }
      }
    }
  }

  @Test
  void theCutIsTheOutputOfTheLastFrozenBlock() {
    ImageSet train = images(2);
    FittedTransferModel frozen = frozen(HeadSpec.globalAveragePooling(), train);
    assertEquals("conv2_block1_out", FineTuner.fineTune(frozen, train, FineTune.topBlocks(1).epochs(0)).frozenOutput());
    assertEquals("pool1_pool", FineTuner.fineTune(frozen, train, FineTune.topBlocks(2).epochs(0)).frozenOutput());
    assertEquals("conv2_block1_out", FineTuner.fineTune(frozen, train, FineTune.stage("conv3").epochs(0))
        .frozenOutput());
  }

  @Test
  void theFusedPlanGivesTheGraphsActivationsAtEveryCut() {
    ImageSet images = images(14);   // 140 images: more than one 128-image chunk at 32×32
    assertFusedEqualsGraphBelowEveryBlock(tiny().build(), images);
    ResNetArchitecture v2 = ResNetArchitecture.of(org.tune4j.models.zoo.ResNetVersion.V2, 8, List.of(2, 2),
        List.of(4, 8));
    assertFusedEqualsGraphBelowEveryBlock(Backbone.resnet(v2, Weights.random(2)).inputSize(32, 32).build(), images);
  }

  private static void assertFusedEqualsGraphBelowEveryBlock(BackboneNetwork net, ImageSet images) {
    int blocks = net.spec().architecture().blocksPerStage().stream().mapToInt(Integer::intValue).sum();
    for (int first = 0; first < blocks; first++) {
      Prefix fused = Prefix.below(net, first);
      Prefix graph = Prefix.belowInGraph(net, first);
      assertTrue(fused.fused() && !graph.fused(), "a custom ResNet runs the fused plan");
      assertArrayEquals(graph.shape(), fused.shape());
      INDArray expected = graph.activations(images);
      double scale = Math.max(1, expected.amaxNumber().doubleValue());
      double diff = fused.activations(images).sub(expected).amaxNumber().doubleValue();
      assertTrue(diff <= ACTIVATION_TOLERANCE * scale, "below block " + first + ": max |diff| " + diff);
    }
  }

  /**
   * The affine BatchNorm map back-propagates the gradient of the inference-mode loss: the analytic gradient of every
   * unfrozen convolution's weights equals central differences of the loss with BatchNorm on its moving statistics.
   */
  @Test
  void theGradientIsTheGradientOfTheInferenceModeLoss() {
    ImageSet train = images(2);
    FittedTransferModel frozen = frozen(HeadSpec.globalAveragePooling().dense(5, "tanh"), train);
    FineTunedModel tuned = FineTuner.fineTune(frozen, train, FineTune.topBlocks(2).epochs(0));
    ComputationGraph g = tuned.graph().convertDataType(DataType.DOUBLE);
    Prefix prefix = Prefix.below(tiny().build(), 0);
    long[] s = prefix.shape();
    INDArray x = prefix.activations(train).castTo(DataType.DOUBLE).reshape('c', train.size(), s[0], s[1], s[2]);
    INDArray y = Nd4j.zeros(DataType.DOUBLE, train.size(), train.levels().size());
    for (int i = 0; i < train.size(); i++) {
      y.putScalar(i, train.label(i), 1.0);
    }
    DataSet batch = new DataSet(x, y);
    g.setInput(0, x);
    g.setLabels(y);
    g.computeGradientAndScore();
    int checked = 0;
    for (String conv : List.of("conv2_block1_0_conv", "conv2_block1_2_conv", "conv3_block1_1_conv",
        "conv3_block1_3_conv")) {
      // DL4J's gradient is of the minibatch's summed loss; its updater divides by the minibatch size, the score is a mean
      INDArray analytic = g.gradient().getGradientFor(conv + "_W").div(train.size());
      INDArray w = g.getLayer(conv).getParam("W");
      for (long j = 0; j < w.length(); j += Math.max(1, w.length() / 7)) {
        double numeric = FrozenBatchNormGradientTest.centralDifference(g, batch, w, j, STEP);
        double a = analytic.getDouble(j);
        double scale = Math.max(1e-3, Math.abs(a) + Math.abs(numeric));
        assertTrue(Math.abs(a - numeric) / scale < GRADIENT_TOLERANCE,
            conv + "[" + j + "]: analytic " + a + ", numeric " + numeric);
        checked++;
      }
    }
    assertTrue(checked >= 20, "checked " + checked + " weights");
  }

  @Test
  void patienceStopsEarlyAndKeepsTheBestEpoch() {
    ImageSet train = images(6);
    FittedTransferModel frozen = frozen(HeadSpec.globalAveragePooling().dense(8, "relu"), train);
    FineTune options = FineTune.topBlocks(2).learnRate(0.05).epochs(30).batchSize(8).validationSplit(0.3).patience(2)
        .seed(4);
    List<EpochMetrics> seen = new ArrayList<>();
    FineTunedModel tuned = FineTuner.fineTune(frozen, train, options, seen::add);
    List<EpochMetrics> h = tuned.history();
    assertEquals(seen, h);
    assertTrue(h.size() < 30, "stopped after " + h.size() + " epochs");
    int best = 1;
    for (EpochMetrics m : h) {
      best = m.valLoss() < h.get(best - 1).valLoss() ? m.epoch() : best;
    }
    assertEquals(best, tuned.bestEpoch());
    assertTrue(best < h.size(), "the best epoch " + best + " is before the last " + h.size());
    int nTrain = (int) Math.floor(train.size() * 0.7);
    ImageSet validation = train.rows(java.util.stream.IntStream.range(nTrain, train.size()).toArray());
    Predictions p = tuned.predict(validation);
    double loss = 0;
    for (int i = 0; i < validation.size(); i++) {
      loss -= Math.log(Math.min(1 - 1e-7, Math.max(1e-7, p.probability(i, validation.label(i)))));
    }
    assertEquals(h.get(best - 1).valLoss(), loss / validation.size(), LOSS_TOLERANCE, "the restored weights' loss");
  }

  @Test
  void withoutPatienceTheLastEpochIsKept() {
    ImageSet train = images(3);
    FittedTransferModel frozen = frozen(HeadSpec.globalAveragePooling(), train);
    FineTunedModel tuned = FineTuner.fineTune(frozen, train, FineTune.topBlocks(1).learnRate(1e-3).epochs(2)
        .batchSize(10));
    assertEquals(2, tuned.history().size());
    assertEquals(2, tuned.bestEpoch());
  }

  @Test
  void blocksCountFromTheTopAndStagesIncludeTheStagesAbove() {
    ResNetArchitecture resnet50 = ResNetArchitecture.resnet50();
    assertEquals(15, Unfreeze.topBlocks(1).firstBlock(resnet50));
    assertEquals(0, Unfreeze.topBlocks(16).firstBlock(resnet50));
    assertEquals(13, Unfreeze.stage("conv5").firstBlock(resnet50));
    assertEquals(7, Unfreeze.stage("conv4").firstBlock(resnet50));
    assertEquals("conv5", FineTune.stage("conv5").blocks().describe());
    assertEquals("2", FineTune.topBlocks(2).blocks().describe());
    ResNetArchitecture v2 = ResNetArchitecture.of(org.tune4j.models.zoo.BackboneFamily.RESNET50V2);
    assertEquals(15, Unfreeze.topBlocks(1).firstBlock(v2), "a v2 backbone counts its blocks the same way");
    FineTune d = FineTune.topBlocks(1);
    assertEquals(List.of(FineTune.DEFAULT_LEARN_RATE, 10.0, 0.0, 32.0, FineTune.DEFAULT_VALIDATION_SPLIT, 1.0),
        List.of(d.learnRate(), (double) d.epochs(), (double) d.patience(), (double) d.batchSize(), d.validationSplit(),
            (double) d.seed()));
  }

  @Test
  void badOptionsAreRefusedNamingTheValueAndTheFix() {
    ImageSet train = images(2);
    FittedTransferModel frozen = frozen(HeadSpec.globalAveragePooling(), train);
    assertMessage("blocks = 3 but resnet-custom has 2 blocks (conv2_block1 … conv3_block1); give 1..2",
        () -> FineTuner.fineTune(frozen, train, FineTune.topBlocks(3)));
    assertMessage("stage \"conv5\" is not a stage of resnet-custom; choose from conv2 … conv3, or give a number of"
        + " blocks", () -> FineTuner.fineTune(frozen, train, FineTune.stage("conv5")));
    assertMessage("blocks = 0 must be at least 1", () -> FineTune.topBlocks(0));
    assertMessage("learn rate = 0.0 must be a finite number above 0", () -> FineTune.topBlocks(1).learnRate(0));
    assertMessage("epochs = -1 must be at least 0", () -> FineTune.topBlocks(1).epochs(-1));
    assertMessage("batch size = 0 must be at least 1", () -> FineTune.topBlocks(1).batchSize(0));
    assertMessage("validation split = 1.0 must be in [0, 1)", () -> FineTune.topBlocks(1).validationSplit(1));
    assertMessage("patience = 2 needs a validation split above 0",
        () -> FineTune.topBlocks(1).validationSplit(0).patience(2));
    ImageSet two = train.rows(new int[] {0, 1});
    float[] pixels = new float[2 * two.pixelsPerImage()];
    two.copyPixels(0, 2, pixels);
    ImageSet twoClasses = ImageSet.of(32, 32, 3, pixels, new int[] {0, 1}, List.of("a", "b"));
    assertMessage("the images have 2 classes [a, b] but the fitted head predicts 10",
        () -> FineTuner.fineTune(frozen, twoClasses, FineTune.topBlocks(1)));
  }

  private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }
}
