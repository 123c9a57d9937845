package org.tune4j.models.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.BackbonePlan;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.fused.FusedResNet;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.FittedHead;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.head.Optimizer;
import org.tune4j.models.weights.Weights;

/**
 * The equivalence contract of the fast path: a head trained on features from the fused plan ends
 * with the same weights, within {@value #WEIGHT_TOLERANCE}, as DL4J training the whole graph —
 * frozen backbone included, via {@code TransferLearning.setFeatureExtractor} — on the same images,
 * the same minibatches in the same order, from the same initial head weights.
 */
class FrozenGraphEquivalenceTest {
  static final double WEIGHT_TOLERANCE = 1e-5;
  static final ResNetArchitecture SMALL = ResNetArchitecture.of(8, List.of(1, 1), List.of(4, 8));

  /** Cached features from DL4J's own frozen graph, Adam and a batch-normalized head: the caching path. */
  @Test
  void headOnCachedGraphFeaturesEqualsTheWholeFrozenGraph() {
    BackboneNetwork backbone = Backbone.resnet(SMALL, Weights.random(3)).inputSize(32, 32).build();
    assertHeadMatchesWholeGraph(backbone, backbone, Optimizer.ADAM);
  }

  /**
   * Features from the fused plan. They differ from DL4J's graph in the last float bits (another
   * summation order), so the check uses SGD: Adam turns a near-zero gradient's sign, which such
   * bits can flip, into a full learning-rate step, as any change of summation order (a BLAS thread
   * count, say) would.
   */
  @Test
  void headOnFusedFeaturesEqualsTheWholeFrozenGraph() {
    BackboneNetwork backbone = Backbone.resnet(SMALL, Weights.random(3)).inputSize(32, 32).build();
    assertHeadMatchesWholeGraph(FusedResNet.of(backbone), backbone, Optimizer.SGD);
  }

  private static void assertHeadMatchesWholeGraph(BackbonePlan featurePlan, BackboneNetwork backbone, Optimizer optimizer) {
    ImageSet images = ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(
        EmbeddedSample.fashionMnist().train().firstPerClass(6), 32, 32)));
    HeadSpec head = HeadSpec.globalAveragePooling().dense(16, "relu").batchNorm();
    FitSpec fit = FitSpec.defaults().epochs(3).batchSize(8).learnRate(0.01).seed(11).optimizer(optimizer);
    int nClasses = images.levels().size();

    INDArray features = new Featurizer(featurePlan, head.input()).features(images);
    MultiLayerNetwork initial = new MultiLayerNetwork(HeadTrainer.configuration(head, fit, (int) features.columns(),
        nClasses));
    initial.init();
    FittedHead fast = HeadTrainer.fit(features, images.labels(), images.levels(), head, fit, m -> { });

    ComputationGraph whole = wholeGraph(backbone.graph(), fit, (int) features.columns(), nClasses);
    copyHead(initial, whole);
    INDArray pixels = Nd4j.create(images.pixels(), new long[] {images.size(), 3 * 32 * 32}, 'c');
    INDArray oneHot = Nd4j.zeros(images.size(), nClasses);
    for (int i = 0; i < images.size(); i++) {
      oneHot.putScalar(i, images.label(i), 1);
    }
    for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
      for (int[] batch : MinibatchOrder.batches(images.size(), fit.batchSize(), fit.seed(), epoch)) {
        whole.fit(new DataSet(pixels.getRows(batch).reshape('c', batch.length, 3, 32, 32), oneHot.getRows(batch)));
      }
    }
    String[] names = {"dense", "bn", "out"};
    for (int l = 0; l < names.length; l++) {
      INDArray expected = whole.getLayer(names[l]).params();
      INDArray actual = fast.network().getLayer(l).params();
      double diff = expected.sub(actual).amaxNumber().doubleValue();
      assertTrue(diff <= WEIGHT_TOLERANCE, names[l] + ": max |diff| " + diff);
    }
    assertTrue(fast.network().getLayer(0).params().sub(initial.getLayer(0).params()).amaxNumber().doubleValue() > 1e-3,
        "training must have moved the weights");
  }

  private static ComputationGraph wholeGraph(ComputationGraph backbone, FitSpec fit, int nIn, int nClasses) {
    return new TransferLearning.GraphBuilder(backbone)
        .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(fit.optimizer().updater(fit.learnRate()))
            .seed(fit.seed()).build())
        .setFeatureExtractor("conv3_block1_out")
        .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv3_block1_out")
        .addLayer("dense", new DenseLayer.Builder().nIn(nIn).nOut(16).activation(Activation.RELU).build(), "gap")
        .addLayer("bn", new BatchNormalization.Builder().nIn(16).nOut(16).decay(0.99).eps(1e-3).useLogStd(false).build(),
            "dense")
        .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(nClasses)
            .activation(Activation.SOFTMAX).build(), "bn")
        .setOutputs("out")
        .build();
  }

  private static void copyHead(MultiLayerNetwork from, ComputationGraph to) {
    to.getLayer("dense").setParams(from.getLayer(0).params().dup());
    to.getLayer("bn").setParams(from.getLayer(1).params().dup());
    to.getLayer("out").setParams(from.getLayer(2).params().dup());
  }
}
