package org.tune4j.models.head.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.DIMS;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.LEVELS;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.ROWS;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.TOGETHER_TOL;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.blobs;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.fit;
import static org.tune4j.models.head.fast.FastHeadTrainerTest.maxAbsDiff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.head.Optimizer;
import org.tune4j.models.head.ViewOrder;

/** Training on augmented views: one view per row per epoch, the same alone and together. */
class AugmentedTrainingTest {
  static List<INDArray> noisyViews(INDArray x, int count, long seed) {
    Random r = new Random(seed);
    List<INDArray> views = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      INDArray view = x.dup();
      for (int i = 0; i < x.rows(); i++) {
        for (int j = 0; j < x.columns(); j++) {
          view.putScalar(i, j, view.getDouble(i, j) + 0.5 * r.nextGaussian());
        }
      }
      views.add(view);
    }
    return views;
  }

  static List<Candidate> grid() {
    return List.of(
        Candidate.of(HeadSpec.flatten().dense(16, "relu").dropout(0.3), fit(Optimizer.ADAM, 0.01)),
        Candidate.of(HeadSpec.flatten().dense(8, "tanh"), fit(Optimizer.ADAM, 0.02).epochs(3)),
        Candidate.of(HeadSpec.flatten(), fit(Optimizer.SGD, 0.1)));
  }

  @Test
  void oneViewEqualToTheFeaturesTrainsExactlyAsThePlainFeatures() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 3);
    List<FastFittedHead> plain = FastHeadTrainer.trainTogether(x, labels, LEVELS, grid(), (i, m, soFar) -> { });
    List<FastFittedHead> viewed = FastHeadTrainer.trainTogether(x, List.of(x.dup()), labels, LEVELS, grid(),
        DropoutMasks.bernoulli(), (i, m, soFar) -> { }, true);
    for (int i = 0; i < plain.size(); i++) {
      assertArrayEquals(plain.get(i).params().toFloatVector(), viewed.get(i).params().toFloatVector(), "candidate " + i);
    }
  }

  @Test
  void headsOnViewsTrainTogetherAsAloneAndOtherwiseThanOnThePlainFeatures() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 4);
    List<INDArray> views = noisyViews(x, 3, 5);
    List<Candidate> grid = grid();
    List<FastFittedHead> together = FastHeadTrainer.trainTogether(x, views, labels, LEVELS, grid,
        DropoutMasks.bernoulli(), (i, m, soFar) -> { }, true);
    List<FastFittedHead> plain = FastHeadTrainer.trainTogether(x, labels, LEVELS, grid, (i, m, soFar) -> { });
    for (int i = 0; i < grid.size(); i++) {
      FastFittedHead alone = FastHeadTrainer.trainTogether(x, views, labels, LEVELS, List.of(grid.get(i)),
          DropoutMasks.bernoulli(), (j, m, soFar) -> { }, true).get(0);
      assertTrue(maxAbsDiff(alone.params(), together.get(i).params()) <= TOGETHER_TOL, "candidate " + i);
      assertTrue(maxAbsDiff(plain.get(i).params(), together.get(i).params()) > 1e-3, "views change candidate " + i);
    }
    String bad = assertThrows(IllegalArgumentException.class, () -> FastHeadTrainer.trainTogether(x,
        List.of(x.getRows(0, 1, 2)), labels, LEVELS, grid, DropoutMasks.bernoulli(), (i, m, soFar) -> { }, true))
        .getMessage();
    assertEquals("view 1 is 3×12 but the features are 120×12; every view has the rows and columns of the features", bad);
  }

  /** The equivalence contract with views: DL4J fed each minibatch's rows from the views ViewOrder picks. */
  @Test
  void dl4jFedTheSameViewsTrainsTheSameHead() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 6);
    List<INDArray> views = noisyViews(x, 2, 8);
    for (Candidate c : List.of(Candidate.of(HeadSpec.flatten().dense(16, "relu"), fit(Optimizer.ADAM, 0.01)),
        Candidate.of(HeadSpec.flatten().dense(8, "tanh").dense(6, "relu"), fit(Optimizer.SGD, 0.1).epochs(3)))) {
      FastFittedHead fast = FastHeadTrainer.trainTogether(x, views, labels, LEVELS, List.of(c),
          DropoutMasks.bernoulli(), (i, m, soFar) -> { }, true).get(0);
      MultiLayerNetwork net = new MultiLayerNetwork(HeadTrainer.configuration(c.head(), c.fit(), DIMS, LEVELS.size()));
      net.init();
      INDArray oneHot = Nd4j.create(DataType.FLOAT, ROWS, LEVELS.size());
      for (int i = 0; i < ROWS; i++) {
        oneHot.putScalar(i, labels[i], 1f);
      }
      int nTrain = (int) Math.floor(ROWS * (1 - c.fit().validationSplit()));
      for (int epoch = 1; epoch <= c.fit().epochs(); epoch++) {
        for (int[] batch : MinibatchOrder.batches(nTrain, c.fit().batchSize(), c.fit().seed(), epoch)) {
          INDArray rows = Nd4j.create(DataType.FLOAT, batch.length, DIMS);
          for (int i = 0; i < batch.length; i++) {
            int v = ViewOrder.viewOf(c.fit().seed(), epoch, batch[i], views.size());
            rows.putRow(i, views.get(v - 1).getRow(batch[i]));
          }
          net.fit(new DataSet(rows, oneHot.getRows(batch)));
        }
      }
      assertTrue(maxAbsDiff(net.params(), fast.params()) <= FastHeadTrainerTest.WEIGHT_TOL, c.head().toString());
      assertTrue(maxAbsDiff(FastHeadTrainerTest.dl4j(x, labels, c).params(), fast.params()) > 1e-3,
          "DL4J on the plain features trains another head: " + c.head());
    }
  }

  @Test
  void theViewOfARowIsAFunctionOfSeedEpochAndRowAlone() {
    Set<Integer> seen = new HashSet<>();
    int sameInEpoch2 = 0;
    for (int row = 0; row < 200; row++) {
      int v = ViewOrder.viewOf(7, 1, row, 4);
      assertEquals(v, ViewOrder.viewOf(7, 1, row, 4));
      assertTrue(v >= 1 && v <= 4, "view " + v);
      seen.add(v);
      sameInEpoch2 += v == ViewOrder.viewOf(7, 2, row, 4) ? 1 : 0;
    }
    assertEquals(Set.of(1, 2, 3, 4), seen);
    assertTrue(sameInEpoch2 < 100, "another epoch draws other views: " + sameInEpoch2 + " of 200 the same");
    assertNotEquals(ViewOrder.viewOf(7, 1, 0, 1000), ViewOrder.viewOf(8, 1, 0, 1000), "another seed");
    assertEquals("views = 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> ViewOrder.viewOf(1, 1, 1, 0)).getMessage());
  }
}
