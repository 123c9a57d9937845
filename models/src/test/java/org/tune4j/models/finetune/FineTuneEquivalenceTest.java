package org.tune4j.models.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.backbone.ResNetBlocks;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.transfer.FittedTransferModel;

/**
 * The equivalence contract for fine-tuning: training the unfrozen blocks and the head on the cached output of the
 * frozen part gives the weights DL4J gets training the whole graph (backbone and head) with the lower part frozen
 * ({@code setFeatureExtractor}) and BatchNorm in inference mode, from the same initial weights, on the same
 * minibatches in the same order, with the same updater — within {@value #WEIGHT_TOLERANCE}.
 */
class FineTuneEquivalenceTest {
  static final double WEIGHT_TOLERANCE = 1e-5;
  /** Two epochs of Adam at 1e-3 move each trained weight by up to about 2e-3. */
  static final double MOVED = 1e-4;

  @Test
  void theTopBlockAndAGlobalPoolingHead() {
    assertSameAsWholeGraph(HeadSpec.globalAveragePooling().dense(8, "relu"), 1);
  }

  @Test
  void bothBlocksAndAFlattenHead() {
    assertSameAsWholeGraph(HeadSpec.flatten().dense(6, "tanh"), 2);
  }

  /** A v2 backbone (two blocks a stage, as Keras' stack2 needs): pre-activation blocks and post_bn are trained too. */
  @Test
  void theTopBlocksOfAPreActivationBackbone() {
    assertSameAsWholeGraph(TINY_V2, HeadSpec.globalAveragePooling().dense(8, "relu"), 3);
  }

  static final ResNetArchitecture TINY_V2 = ResNetArchitecture.of(org.tune4j.models.zoo.ResNetVersion.V2, 8,
      List.of(2, 2), List.of(4, 8));

  private static void assertSameAsWholeGraph(HeadSpec head, int blocks) {
    assertSameAsWholeGraph(FineTunerTest.TINY, head, blocks);
  }

  private static void assertSameAsWholeGraph(ResNetArchitecture arch, HeadSpec head, int blocks) {
    ImageSet train = FineTunerTest.images(4);
    FittedTransferModel frozen = FineTunerTest.frozen(arch, head, train);
    FineTune options = FineTune.topBlocks(blocks).learnRate(1e-3).epochs(2).batchSize(8).validationSplit(0).seed(9);
    // the frozen part through DL4J's graph: the whole graph's frozen layers compute exactly that
    FineTunedModel tuned = FineTuner.fineTune(frozen, train, options, m -> { }, true);

    int first = options.blocks().firstBlock(arch);
    ComputationGraph whole = WholeGraphFineTuner.build(frozen, options);
    ComputationGraph initial = whole.clone();
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      WholeGraphFineTuner.fitEpoch(whole, train, options, epoch);
    }
    List<String> trained = new ArrayList<>();
    List<String> names = ResNetBlocks.names(arch);
    for (int i = first; i < names.size(); i++) {
      trained.addAll(ResNetBlocks.convolutions(names.get(i), ResNetBlocks.isFirstOfStage(arch, i)));
    }
    for (int i = 0; tuned.graph().getVertex("head_" + i) != null; i++) {
      trained.add("head_" + i);
    }
    trained.add(TopGraph.OUTPUT);
    for (String name : trained) {
      INDArray expected = whole.getLayer(name).params();
      double diff = tuned.graph().getLayer(name).params().sub(expected).amaxNumber().doubleValue();
      assertTrue(diff <= WEIGHT_TOLERANCE, name + ": max |diff| " + diff);
      double moved = expected.sub(initial.getLayer(name).params()).amaxNumber().doubleValue();
      assertTrue(moved > MOVED, name + " moved only " + moved);
    }
    String frozenConv = first == 0 ? "conv1_conv" : names.get(first - 1) + "_1_conv";
    assertEquals(initial.getLayer(frozenConv).params(), whole.getLayer(frozenConv).params(), frozenConv);
    String norm = names.get(names.size() - 1) + "_1_bn";
    assertEquals(initial.getLayer(norm).params(), tuned.graph().getLayer(norm).params(), norm + " was trained");
  }
}
