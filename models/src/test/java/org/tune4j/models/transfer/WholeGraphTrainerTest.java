package org.tune4j.models.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.FittedHead;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.Optimizer;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.weights.Weights;

/**
 * The plain path: the whole graph trained on images. A trainable backbone really trains (every
 * backbone layer gets the fit's updater), and with the backbone frozen the plain path trains the
 * same head as the fast path on cached DL4J-graph features, within {@value #WEIGHT_TOLERANCE}.
 */
public class WholeGraphTrainerTest {
  static final double WEIGHT_TOLERANCE = 1e-5;
  /** Epoch losses are computed from float32 softmax outputs of two different networks. */
  static final double METRIC_TOLERANCE = 1e-5;
  /** One Adam step at 0.01 moves each weight with a non-zero gradient by about 0.01. */
  static final double MOVED = 1e-4;
  /** A two-stage ResNet with Keras' layer names, small enough for a test (also the fine-tune tests' backbone). */
  public static final ResNetArchitecture TINY = ResNetArchitecture.of(8, List.of(1, 1), List.of(4, 8));

  /** {@code perClass} training images of each class of the embedded sample, padded to 32×32 RGB, scaled to [0, 1]. */
  public static ImageSet images(int perClass) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(
        EmbeddedSample.fashionMnist().train().firstPerClass(perClass), 32, 32)));
  }

  /** {@link #TINY} with random weights (seed 1) at 32×32. */
  public static Backbone tiny() {
    return Backbone.resnet(TINY, Weights.random(1)).inputSize(32, 32);
  }

  @Test
  void aTrainableBackboneGetsTheFitsUpdaterOnEveryLayerAndItsWeightsMove() {
    ImageSet images = images(3);
    HeadSpec head = HeadSpec.globalAveragePooling().dense(8, "relu");
    FitSpec oneStep = FitSpec.defaults().epochs(1).batchSize(images.size()).learnRate(0.01).seed(5);
    TransferModel model = TransferModel.of(tiny(), head, oneStep).frozenBackbone(false);
    FittedWholeGraph fitted = WholeGraphTrainer.fit(model, images, m -> { });

    ComputationGraph before = tiny().build().graph();
    int checked = 0;
    for (Layer initial : before.getLayers()) {
      if (initial.numParams() == 0) {
        continue;
      }
      String name = initial.conf().getLayer().getLayerName();
      Layer trained = fitted.graph().getLayer(name);
      Object updater = ((BaseLayer) trained.conf().getLayer()).getIUpdater();
      assertFalse(updater instanceof NoOp, name + " still has the backbone's NoOp updater");
      String weight = initial.paramTable().containsKey("W") ? "W" : "gamma";
      double moved = trained.getParam(weight).sub(initial.getParam(weight)).amaxNumber().doubleValue();
      assertTrue(moved > MOVED, name + "." + weight + " moved only " + moved + " after one step");
      checked++;
    }
    assertEquals(before.getLayers().length - countParamFree(before), checked);
    assertTrue(checked >= 10, "the tiny ResNet has convolutions and BatchNorms: " + checked);

    MultiLayerNetwork initialHead = initialHead(head, oneStep, 32, images.levels().size());
    assertMoved(initialHead.getLayer(0).params(), fitted.graph().getLayer("head_0").params(), "dense");
    assertMoved(initialHead.getLayer(1).params(), fitted.graph().getLayer(WholeGraphBuilder.OUTPUT).params(), "output");
  }

  @Test
  void aFrozenWholeGraphTrainsTheSameHeadAsTheFastPath() {
    assertSameAsHeadTrainer(HeadSpec.globalAveragePooling().dense(16, "relu").batchNorm());
  }

  @Test
  void optimizerOptionsReachTheWholeGraphAsTheyReachTheHead() {
    assertSameAsHeadTrainer(HeadSpec.globalAveragePooling().dense(16, "relu"), FitSpec.defaults().epochs(3)
        .batchSize(8).learnRate(0.05).validationSplit(0.2).seed(11).optimizer(Optimizer.SGD).momentum(0.9).l2(0.05)
        .weightDecay(0.2));
  }

  @Test
  void aFlattenHeadFlattensInTheFeaturizersOrder() {
    assertSameAsHeadTrainer(HeadSpec.flatten().dense(8, "tanh"));
  }

  private static void assertSameAsHeadTrainer(HeadSpec head) {
    assertSameAsHeadTrainer(head, FitSpec.defaults().epochs(3).batchSize(8).learnRate(0.01).validationSplit(0.2)
        .seed(11).optimizer(Optimizer.ADAM));
  }

  private static void assertSameAsHeadTrainer(HeadSpec head, FitSpec fit) {
    ImageSet images = images(6);
    TransferModel model = TransferModel.of(tiny(), head, fit);
    List<EpochMetrics> plainEpochs = new ArrayList<>();
    FittedWholeGraph plain = WholeGraphTrainer.fit(model, images, plainEpochs::add);

    BackboneNetwork backbone = tiny().build();
    INDArray features = new Featurizer(backbone, head.input()).features(images);
    FittedHead fast = HeadTrainer.fit(features, images.labels(), images.levels(), head, fit, m -> { });

    List<String> names = headNames(plain.graph());
    assertEquals(fast.network().getnLayers(), names.size(), names.toString());
    for (int l = 0; l < names.size(); l++) {
      double diff = plain.graph().getLayer(names.get(l)).params().sub(fast.network().getLayer(l).params())
          .amaxNumber().doubleValue();
      assertTrue(diff <= WEIGHT_TOLERANCE, names.get(l) + ": max |diff| " + diff);
    }
    for (int e = 0; e < fit.epochs(); e++) {
      EpochMetrics p = plainEpochs.get(e);
      EpochMetrics f = fast.history().get(e);
      assertEquals(f.loss(), p.loss(), METRIC_TOLERANCE, "epoch " + (e + 1));
      assertEquals(f.valLoss(), p.valLoss(), METRIC_TOLERANCE, "epoch " + (e + 1));
      assertEquals(f.accuracy(), p.accuracy(), "epoch " + (e + 1));
      assertEquals(f.valAccuracy(), p.valAccuracy(), "epoch " + (e + 1));
    }
    for (Layer frozen : backbone.graph().getLayers()) {
      String name = frozen.conf().getLayer().getLayerName();
      assertEquals(frozen.params(), plain.graph().getLayer(name).params(), name + " of a frozen backbone changed");
    }
    MultiLayerNetwork initial = initialHead(head, fit, (int) features.columns(), images.levels().size());
    assertMoved(initial.getLayer(0).params(), fast.network().getLayer(0).params(), "the fast head");
  }

  @Test
  void checkpointsSeeEveryEpochAndPredictionsComeInChunks() {
    ImageSet images = images(3);
    TransferModel model = TransferModel.of(tiny(), HeadSpec.flatten(), FitSpec.defaults().epochs(2).batchSize(10))
        .frozenBackbone(false);
    ImageSet many = images(14);                 // 140 images: more than one 128-image chunk at 32×32
    List<Integer> sizes = new ArrayList<>();
    FittedWholeGraph fitted = WholeGraphTrainer.fitWatching(model, images,
        (m, soFar) -> sizes.add(soFar.predict(images).size() + 1000 * m.epoch()));
    assertEquals(List.of(1030, 2030), sizes);
    assertEquals(2, fitted.history().size());
    assertTrue(Double.isNaN(fitted.history().get(1).valLoss()), "no validation split, no validation loss");
    Predictions p = fitted.predict(many);
    assertEquals(140, p.size());
    Predictions lastTen = fitted.predict(many.rows(range(130, 140)));
    for (int i = 0; i < 10; i++) {
      assertEquals(lastTen.probability(i, 3), p.probability(130 + i, 3), 1e-6, "row " + (130 + i));
    }
  }

  @Test
  void theFastPathRefusesAModelThatCannotBeCut() {
    TransferModel model = TransferModel.of(tiny(), HeadSpec.flatten(), FitSpec.defaults()).frozenBackbone(false);
    assertEquals("its backbone is trainable", model.plainPathReason().orElseThrow());
    assertTrue(model.frozenBackbone(false).frozenBackbone(true).plainPathReason().isEmpty());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.fit(images(1), m -> { }));
    assertTrue(e.getMessage().contains("cannot be cut (its backbone is trainable)")
        && e.getMessage().contains("fitWholeGraph"), e.getMessage());
  }

  @Test
  void patienceStopsTheWholeGraphWhereTheHeadTrainerStops() {
    ImageSet images = images(6);
    HeadSpec head = HeadSpec.globalAveragePooling().dense(16, "relu");
    FitSpec fit = FitSpec.defaults().epochs(30).batchSize(8).learnRate(0.05).validationSplit(0.3).seed(11)
        .optimizer(Optimizer.ADAM).patience(1);
    List<EpochMetrics> plainEpochs = new ArrayList<>();
    WholeGraphTrainer.fit(TransferModel.of(tiny(), head, fit), images, plainEpochs::add);
    INDArray features = new Featurizer(tiny().build(), head.input()).features(images);
    List<EpochMetrics> headEpochs = HeadTrainer.fit(features, images.labels(), images.levels(), head, fit, m -> { })
        .history();
    assertTrue(plainEpochs.size() < 30, "stopped after " + plainEpochs.size() + " epochs");
    assertEquals(headEpochs.size(), plainEpochs.size());
    EpochMetrics last = plainEpochs.get(plainEpochs.size() - 1);
    assertTrue(last.valLoss() >= plainEpochs.get(plainEpochs.size() - 2).valLoss(), "stopped on a worse epoch");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WholeGraphTrainer.fit(
        TransferModel.of(tiny(), head, fit.validationSplit(0)), images, m -> { }));
    assertTrue(e.getMessage().startsWith("patience = 1 needs a validation split"), e.getMessage());
  }

  @Test
  void aSplitWithoutTrainingRowsIsRefused() {
    TransferModel model = TransferModel.of(tiny(), HeadSpec.flatten(), FitSpec.defaults().validationSplit(0.9));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WholeGraphTrainer.fit(model, images(1).rows(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}), m -> { }));
    assertTrue(e.getMessage().contains("validation split 0.9 of 9 rows leaves no training rows"), e.getMessage());
  }

  private static List<String> headNames(ComputationGraph graph) {
    List<String> names = new ArrayList<>();
    for (int i = 0; graph.getVertex("head_" + i) != null; i++) {
      names.add("head_" + i);
    }
    names.add(WholeGraphBuilder.OUTPUT);
    return names;
  }

  private static MultiLayerNetwork initialHead(HeadSpec head, FitSpec fit, int nIn, int nClasses) {
    MultiLayerNetwork net = new MultiLayerNetwork(HeadTrainer.configuration(head, fit, nIn, nClasses));
    net.init();
    return net;
  }

  private static void assertMoved(INDArray before, INDArray after, String what) {
    double moved = after.sub(before).amaxNumber().doubleValue();
    assertTrue(moved > MOVED, what + " moved only " + moved);
  }

  private static int countParamFree(ComputationGraph graph) {
    int n = 0;
    for (Layer l : graph.getLayers()) {
      n += l.numParams() == 0 ? 1 : 0;
    }
    return n;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
