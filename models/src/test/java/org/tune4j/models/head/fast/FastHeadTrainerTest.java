package org.tune4j.models.head.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.head.EarlyStopping;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadLayer;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.head.Optimizer;
import org.tune4j.models.head.OptimizerOptions;

class FastHeadTrainerTest {
  /** Weights after N steps, fast trainer against DL4J: float32 arithmetic in a different op order. */
  static final double WEIGHT_TOL = 1e-5;
  /** Epoch metrics, fast against DL4J. */
  static final double METRIC_TOL = 1e-5;
  /** Trained together against alone: only the blocking of the wide GEMM's sums differs. */
  static final double TOGETHER_TOL = 1e-6;
  static final List<String> LEVELS = List.of("a", "b", "c", "d");
  static final int ROWS = 120;
  static final int DIMS = 12;

  static INDArray blobs(int[] labels, long seed) {
    Random r = new Random(seed);
    INDArray x = Nd4j.create(DataType.FLOAT, labels.length, DIMS);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % LEVELS.size();
      for (int j = 0; j < DIMS; j++) {
        x.putScalar(i, j, (j == labels[i] ? 2.0 : 0.0) + r.nextGaussian());
      }
    }
    return x;
  }

  static FitSpec fit(Optimizer o, double lr) {
    return FitSpec.defaults().epochs(2).batchSize(16).validationSplit(0.2).learnRate(lr).seed(7).optimizer(o);
  }

  /** DL4J's reference: HeadTrainer's network, fed the same minibatches as HeadTrainer feeds it. */
  static MultiLayerNetwork dl4j(INDArray x, int[] labels, Candidate c) {
    MultiLayerNetwork net = new MultiLayerNetwork(HeadTrainer.configuration(c.head(), c.fit(), DIMS, LEVELS.size()));
    net.init();
    return train(net, x, labels, c);
  }

  /** Fits {@code net} on the minibatches HeadTrainer would feed it. */
  static MultiLayerNetwork train(MultiLayerNetwork net, INDArray x, int[] labels, Candidate c) {
    INDArray oneHot = Nd4j.create(DataType.FLOAT, labels.length, LEVELS.size());
    for (int i = 0; i < labels.length; i++) {
      oneHot.putScalar(i, labels[i], 1f);
    }
    int nTrain = (int) Math.floor(labels.length * (1 - c.fit().validationSplit()));
    for (int epoch = 1; epoch <= c.fit().epochs(); epoch++) {
      for (int[] batch : MinibatchOrder.batches(nTrain, c.fit().batchSize(), c.fit().seed(), epoch)) {
        net.fit(new DataSet(x.getRows(batch), oneHot.getRows(batch)));
      }
    }
    return net;
  }

  static double maxAbsDiff(INDArray a, INDArray b) {
    assertEquals(a.length(), b.length(), "parameter counts");
    float[] x = a.reshape(a.length()).toFloatVector();
    float[] y = b.reshape(b.length()).toFloatVector();
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Double.isNaN(x[i] - y[i]) ? Double.POSITIVE_INFINITY : Math.abs(x[i] - y[i]));
    }
    return max;
  }

  /**
   * Every block, activation and optimizer. The wide head (1,200 units, several updater chunks) uses a smooth
   * activation with Adam and ReLU with SGD: see {@link #wideReluWithAdamIsAsCloseToDl4jAsDl4jIsToItself} for why
   * ReLU with Adam cannot be held to {@link #WEIGHT_TOL} on every BLAS kernel. A dense layer with a linear activation right before batch
   * normalization is trained with SGD: its bias has a true gradient of exactly 0 (batch normalization removes
   * the mean), so both trainers see only float noise there, and Adam or RMSProp would scale that noise up to
   * the learning rate; SGD keeps it at noise level.
   */
  static Stream<Arguments> candidates() {
    HeadSpec flat = HeadSpec.flatten();
    return Stream.of(
        Arguments.of("relu", Candidate.of(flat.dense(16, "relu"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("elu", Candidate.of(flat.dense(16, "elu"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("wide, several updater chunks", Candidate.of(flat.dense(1200, "gelu"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("wide relu, sgd", Candidate.of(flat.dense(1200, "relu"), fit(Optimizer.SGD, 0.1))),
        Arguments.of("tanh", Candidate.of(flat.dense(16, "tanh"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("sigmoid", Candidate.of(flat.dense(16, "sigmoid"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("gelu", Candidate.of(flat.dense(16, "gelu"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("linear", Candidate.of(flat.dense(16, "linear"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("softmax only", Candidate.of(flat, fit(Optimizer.ADAM, 0.01))),
        Arguments.of("two dense", Candidate.of(flat.dense(16, "relu").dense(8, "tanh"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("batch norm", Candidate.of(flat.dense(16, "relu").batchNorm(), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("bn + activation layer", Candidate.of(flat.dense(16, "linear").batchNorm()
            .then(new HeadLayer.ActivationLayer("relu")).dense(8, "elu"), fit(Optimizer.SGD, 0.1))),
        Arguments.of("linear then bn", Candidate.of(flat.dense(16, "linear").batchNorm(), fit(Optimizer.SGD, 0.1))),
        Arguments.of("activation layer", Candidate.of(flat.dense(16, "relu")
            .then(new HeadLayer.ActivationLayer("tanh")), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("elu second", Candidate.of(flat.dense(16, "relu").dense(8, "elu"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("bn then elu", Candidate.of(flat.dense(16, "relu").batchNorm().dense(8, "elu"),
            fit(Optimizer.ADAM, 0.01))),
        Arguments.of("bn on the input", Candidate.of(flat.batchNorm().dense(8, "relu"), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("dropout off", Candidate.of(flat.dense(16, "relu").dropout(0), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("sgd", Candidate.of(flat.dense(16, "relu"), fit(Optimizer.SGD, 0.1))),
        Arguments.of("sgd + nesterov momentum", Candidate.of(flat.dense(16, "relu"),
            fit(Optimizer.SGD, 0.05).momentum(0.9))),
        Arguments.of("rmsprop", Candidate.of(flat.dense(16, "relu").batchNorm(), fit(Optimizer.RMSPROP, 0.001))),
        Arguments.of("adam + l2", Candidate.of(flat.dense(16, "relu"), fit(Optimizer.ADAM, 0.01).l2(0.01))),
        Arguments.of("adamw", Candidate.of(flat.dense(16, "relu"), fit(Optimizer.ADAM, 0.01).weightDecay(0.1))),
        Arguments.of("sgd + l2", Candidate.of(flat.dense(16, "tanh"), fit(Optimizer.SGD, 0.1).l2(0.05))),
        Arguments.of("sgd + momentum + weight decay", Candidate.of(flat.dense(16, "relu"),
            fit(Optimizer.SGD, 0.05).momentum(0.9).weightDecay(0.1))),
        Arguments.of("rmsprop + weight decay + l2", Candidate.of(flat.dense(16, "elu"),
            fit(Optimizer.RMSPROP, 0.001).weightDecay(0.1).l2(0.01))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("candidates")
  void weightsEqualDl4jAfterTheSameSteps(String name, Candidate c) {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 3);
    MultiLayerNetwork reference = dl4j(x, labels, c);
    FastFittedHead fast = FastHeadTrainer.fitWatching(x, labels, LEVELS, c, (i, m, soFar) -> { });
    double moved = maxAbsDiff(fast.params(), reference.params());
    assertTrue(moved <= WEIGHT_TOL, name + ": max |fast - dl4j| = " + moved);
    assertTrue(maxAbsDiff(reference.params(), initial(c)) > 100 * WEIGHT_TOL, name + ": training moved nothing");
  }

  /**
   * A wide ReLU head trained with Adam is ill-conditioned, whoever trains it. Among 1,200 units × 96 rows some
   * pre-activations lie within float rounding of zero, so the last bit of a matrix product decides whether a unit
   * passes a row's gradient; Adam then turns the changed gradient of a weight that sees almost none into a step of
   * up to the learning rate. Measured on AMD Zen 4 and Zen 5 after 12 steps: DL4J against DL4J itself on inputs
   * moved by one ulp differs by 1.3e-4, exactly as much as the fast trainer differs from DL4J, and the difference
   * changes with OpenBLAS's kernel ({@code OPENBLAS_CORETYPE}); smooth activations stay near 1e-6. So this case
   * holds the fast trainer to DL4J's own sensitivity, measured in the same run, instead of a fixed tolerance: a
   * real fault (a wrong updater chunk, a wrong gradient) moves weights by the order of the learning rate, 0.01.
   */
  @Test
  void wideReluWithAdamIsAsCloseToDl4jAsDl4jIsToItself() {
    Candidate c = Candidate.of(HeadSpec.flatten().dense(1200, "relu"), fit(Optimizer.ADAM, 0.01));
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 3);
    INDArray nudged = x.dup();
    Random r = new Random(1);
    for (int i = 0; i < nudged.length(); i++) {
      float v = nudged.getFloat(i);
      nudged.putScalar(i, r.nextBoolean() ? Math.nextUp(v) : Math.nextDown(v));
    }
    MultiLayerNetwork reference = dl4j(x, labels, c);
    double sensitivity = maxAbsDiff(dl4j(nudged, labels, c).params(), reference.params());
    assertTrue(sensitivity <= SENSITIVITY_CAP, "DL4J moves by " + sensitivity + " under one-ulp input noise: the"
        + " comparison below would prove nothing");
    FastFittedHead fast = FastHeadTrainer.fitWatching(x, labels, LEVELS, c, (i, m, soFar) -> { });
    double diff = maxAbsDiff(fast.params(), reference.params());
    assertTrue(diff <= Math.max(WEIGHT_TOL, SENSITIVITY_FACTOR * sensitivity), "max |fast - dl4j| = " + diff
        + " against DL4J's own sensitivity " + sensitivity);
  }

  /** How far beyond DL4J's own one-ulp sensitivity the fast trainer may be: rounding, not a fault. */
  static final double SENSITIVITY_FACTOR = 4;
  /** DL4J's one-ulp sensitivity above which an ill-conditioned comparison is refused: a tenth of the learning rate. */
  static final double SENSITIVITY_CAP = 1e-3;

  /**
   * With dropout on, both trainers drawing the same masks ({@link SameMasks} in DL4J's dropout layers): the
   * shallow path (one dense, dropout, output; several activations) and the general path (dropout between layers).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("withDropout")
  void withTheSameDropoutMasksWeightsEqualDl4j(String name, Candidate c) {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 5);
    MultiLayerConfiguration conf = HeadTrainer.configuration(c.head(), c.fit(), DIMS,
        LEVELS.size());
    int dropouts = 0;
    for (int i = 0; i < conf.getConfs().size(); i++) {
      if (conf.getConf(i).getLayer() instanceof DropoutLayer d) {
        double rate = 1 - ((org.deeplearning4j.nn.conf.dropout.Dropout) d.getIDropout()).getP();
        d.setIDropout(new SameMasks(rate, c.fit().seed(), i));
        dropouts++;
      }
    }
    assertTrue(dropouts > 0, name + " has a dropout layer");
    MultiLayerNetwork reference = new MultiLayerNetwork(conf);
    reference.init();
    train(reference, x, labels, c);
    FastFittedHead fast = FastHeadTrainer.fitWatching(x, labels, LEVELS, c, (i, m, soFar) -> { });
    double diff = maxAbsDiff(fast.params(), reference.params());
    assertTrue(diff <= WEIGHT_TOL, name + ": max |fast - dl4j| = " + diff);
  }

  static Stream<Arguments> withDropout() {
    HeadSpec flat = HeadSpec.flatten();
    return Stream.of(
        Arguments.of("relu + dropout", Candidate.of(flat.dense(16, "relu").dropout(0.4), fit(Optimizer.ADAM, 0.01))),
        Arguments.of("tanh + dropout", Candidate.of(flat.dense(16, "tanh").dropout(0.25), fit(Optimizer.SGD, 0.1))),
        Arguments.of("dropout between dense layers", Candidate.of(flat.dense(16, "relu").dropout(0.5)
            .dense(8, "elu").dropout(0.2), fit(Optimizer.ADAM, 0.01))));
  }

  static INDArray initial(Candidate c) {
    MultiLayerNetwork net = new MultiLayerNetwork(HeadTrainer.configuration(c.head(), c.fit(),
        DIMS, LEVELS.size()));
    net.init();
    return net.params();
  }

  @Test
  void epochMetricsEqualHeadTrainers() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 4);
    HeadSpec head = HeadSpec.flatten().dense(16, "relu").batchNorm();
    FitSpec f = fit(Optimizer.ADAM, 0.01).epochs(3);
    List<EpochMetrics> dl4j = HeadTrainer.fit(x, labels, LEVELS, head, f, m -> { }).history();
    List<EpochMetrics> fast = FastHeadTrainer.fit(x, labels, LEVELS, head, f, m -> { }).history();
    assertEquals(3, fast.size());
    for (int e = 0; e < 3; e++) {
      assertEquals(dl4j.get(e).epoch(), fast.get(e).epoch());
      assertEquals(dl4j.get(e).loss(), fast.get(e).loss(), METRIC_TOL, "loss " + e);
      assertEquals(dl4j.get(e).accuracy(), fast.get(e).accuracy(), METRIC_TOL, "accuracy " + e);
      assertEquals(dl4j.get(e).valLoss(), fast.get(e).valLoss(), METRIC_TOL, "val loss " + e);
      assertEquals(dl4j.get(e).valAccuracy(), fast.get(e).valAccuracy(), METRIC_TOL, "val accuracy " + e);
    }
  }

  @Test
  void predictionsEqualDl4jOutput() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 5);
    Candidate c = Candidate.of(HeadSpec.flatten().dense(16, "gelu").batchNorm().dropout(0.3),
        fit(Optimizer.ADAM, 0.03).epochs(4));
    FastFittedHead fast = FastHeadTrainer.fitWatching(x, labels, LEVELS, c, (i, m, soFar) -> { });
    double[][] p = fast.predict(x).probabilities();
    INDArray expected = fast.network().output(x, false);
    for (int i = 0; i < ROWS; i++) {
      for (int k = 0; k < LEVELS.size(); k++) {
        assertEquals(expected.getDouble(i, k), p[i][k], WEIGHT_TOL, "row " + i + " class " + k);
      }
    }
    assertTrue(fast.predict(x).accuracy(labels) > 0.5);
  }

  @Test
  void headsSharingOneOptimizerStepGetWhatTheyGetAlone() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 6);
    for (Optimizer o : List.of(Optimizer.ADAM, Optimizer.RMSPROP, Optimizer.SGD)) {
      double base = o == Optimizer.SGD ? 0.1 : 0.01;
      OptimizerOptions regularized = OptimizerOptions.none().weightDecay(0.05).l2(0.01);
      List<Candidate> grid = List.of(
          Candidate.of(HeadSpec.flatten().dense(16, "relu").dropout(0.3), fit(o, base)),
          Candidate.of(HeadSpec.flatten().dense(16, "relu").dropout(0.5), fit(o, base).epochs(1)),
          Candidate.of(HeadSpec.flatten().dense(8, "relu").dense(6, "tanh"), fit(o, base * 2).epochs(3)
              .options(regularized)),
          Candidate.of(HeadSpec.flatten(), fit(o, base)),
          Candidate.of(HeadSpec.flatten(), fit(o, base / 3)));
      List<FastFittedHead> together = FastHeadTrainer.trainTogether(x, labels, LEVELS, grid, (i, m, soFar) -> { });
      for (int i = 0; i < grid.size(); i++) {
        FastFittedHead alone = FastHeadTrainer.fitWatching(x, labels, LEVELS, grid.get(i), (j, m, soFar) -> { });
        assertTrue(maxAbsDiff(alone.params(), together.get(i).params()) <= TOGETHER_TOL, o + " candidate " + i);
        assertEquals(grid.get(i).fit().epochs(), together.get(i).history().size(), o + " epochs of candidate " + i);
      }
    }
  }

  /** One head of a shallow group diverging to NaN leaves the others as they are alone (0 × NaN is NaN). */
  @Test
  void aDivergingHeadDoesNotTouchTheOthersOfItsGroup() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 6);
    List<Candidate> grid = List.of(
        Candidate.of(HeadSpec.flatten().dense(16, "relu"), fit(Optimizer.ADAM, 0.01)),
        Candidate.of(HeadSpec.flatten().dense(16, "relu"), fit(Optimizer.ADAM, 1e30)),
        Candidate.of(HeadSpec.flatten().dense(8, "tanh").dropout(0.2), fit(Optimizer.ADAM, 0.02)));
    List<FastFittedHead> together = FastHeadTrainer.trainTogether(x, labels, LEVELS, grid, (i, m, soFar) -> { });
    for (int i : new int[] {0, 2}) {
      FastFittedHead alone = FastHeadTrainer.fitWatching(x, labels, LEVELS, grid.get(i), (j, m, soFar) -> { });
      assertTrue(maxAbsDiff(alone.params(), together.get(i).params()) <= TOGETHER_TOL, "candidate " + i);
    }
    float[] params = together.get(1).params().reshape(together.get(1).params().length()).toFloatVector();
    boolean finite = true;
    for (float v : params) {
      finite &= Float.isFinite(v);
    }
    assertTrue(!finite || Double.isNaN(together.get(1).predict(x).probabilities()[0][0]), "the 1e30 head diverged");
  }

  @Test
  void candidatesTrainedTogetherGetWhatTheyGetAlone() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 6);
    List<Candidate> grid = List.of(
        Candidate.of(HeadSpec.flatten().dense(16, "relu").dropout(0.3), fit(Optimizer.ADAM, 0.01)),
        Candidate.of(HeadSpec.flatten().dense(8, "tanh"), fit(Optimizer.SGD, 0.05).epochs(3).momentum(0.9)),
        Candidate.of(HeadSpec.flatten().dense(12, "gelu").batchNorm(), fit(Optimizer.RMSPROP, 0.001)),
        Candidate.of(HeadSpec.flatten(), fit(Optimizer.ADAM, 0.003).epochs(1)),
        Candidate.of(HeadSpec.flatten().batchNorm().dense(6, "elu"), fit(Optimizer.ADAM, 0.02).weightDecay(0.05)
            .l2(0.01)));
    List<List<EpochMetrics>> seen = new ArrayList<>();
    grid.forEach(c -> seen.add(new ArrayList<>()));
    List<FastFittedHead> together = FastHeadTrainer.trainTogether(x, labels, LEVELS, grid,
        (i, m, soFar) -> seen.get(i).add(m));
    for (int i = 0; i < grid.size(); i++) {
      FastFittedHead alone = FastHeadTrainer.fitWatching(x, labels, LEVELS, grid.get(i), (j, m, soFar) -> { });
      assertTrue(maxAbsDiff(alone.params(), together.get(i).params()) <= TOGETHER_TOL, "candidate " + i);
      assertEquals(grid.get(i).fit().epochs(), together.get(i).history().size(), "epochs of candidate " + i);
      assertEquals(seen.get(i), together.get(i).history());
      for (int e = 0; e < alone.history().size(); e++) {
        EpochMetrics a = alone.history().get(e);
        EpochMetrics t = together.get(i).history().get(e);
        assertEquals(a.loss(), t.loss(), TOGETHER_TOL, "loss " + i + "/" + e);
        assertEquals(a.accuracy(), t.accuracy(), TOGETHER_TOL, "accuracy " + i + "/" + e);
        assertEquals(a.valLoss(), t.valLoss(), TOGETHER_TOL, "val loss " + i + "/" + e);
        assertEquals(a.valAccuracy(), t.valAccuracy(), TOGETHER_TOL, "val accuracy " + i + "/" + e);
      }
    }
  }

  @Test
  void aGridLargerThanOneShallowGroupGetsWhatEachGetsAlone() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 7);
    String[] acts = {"relu", "tanh", "sigmoid", "elu", "gelu", "linear"};
    List<Candidate> grid = new ArrayList<>();
    for (int i = 0; i < PackLayout.SHALLOW_GROUP + 4; i++) {
      HeadSpec head = HeadSpec.flatten().dense(4 + i % 5, acts[i % acts.length]);
      grid.add(Candidate.of(i % 3 == 0 ? head : head.dropout(0.1 * (i % 3)),
          fit(Optimizer.ADAM, 0.002 * (1 + i % 4)).epochs(1 + i % 3)));
      if (i == 9) {
        grid.add(Candidate.of(HeadSpec.flatten().dense(5, "relu").dense(4, "tanh"), fit(Optimizer.ADAM, 0.01)));
      }
    }
    List<FastFittedHead> together = FastHeadTrainer.trainTogether(x, labels, LEVELS, grid, (i, m, soFar) -> { });
    for (int i = 0; i < grid.size(); i++) {
      FastFittedHead alone = FastHeadTrainer.fitWatching(x, labels, LEVELS, grid.get(i), (j, m, soFar) -> { });
      assertTrue(maxAbsDiff(alone.params(), together.get(i).params()) <= TOGETHER_TOL, "candidate " + i);
      assertEquals(alone.history().size(), together.get(i).history().size(), "epochs of candidate " + i);
      double[][] a = alone.predict(x).probabilities();
      double[][] t = together.get(i).predict(x).probabilities();
      for (int r = 0; r < ROWS; r++) {
        for (int k = 0; k < a[r].length; k++) {
          assertEquals(a[r][k], t[r][k], TOGETHER_TOL, "candidate " + i + " row " + r);
        }
      }
    }
  }

  @Test
  void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
    EarlyStopping s = new EarlyStopping(2);
    assertEquals(List.of(false, false, false, true), List.of(s.stopsAfter(1.0, 1), s.stopsAfter(0.9, 2),
        s.stopsAfter(0.95, 3), s.stopsAfter(0.9, 4)));
    assertEquals(4, s.stoppedEpoch());
    EarlyStopping never = new EarlyStopping(0);
    assertEquals(false, never.stopsAfter(1, 1) || never.stopsAfter(2, 2) || never.stopsAfter(3, 3));
  }

  @Test
  void earlyStoppingEndsTheFitAndKeepsTheLastWeights() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 8);
    FitSpec f = fit(Optimizer.ADAM, 0.05).epochs(40).patience(1);
    HeadSpec head = HeadSpec.flatten().dense(32, "relu");
    FastFittedHead stopped = FastHeadTrainer.fit(x, labels, LEVELS, head, f, m -> { });
    assertTrue(stopped.stoppedEpoch() > 1 && stopped.stoppedEpoch() < 40, "stopped at " + stopped.stoppedEpoch());
    assertEquals(stopped.stoppedEpoch(), stopped.history().size());
    List<EpochMetrics> h = stopped.history();
    assertTrue(h.get(h.size() - 1).valLoss() >= h.get(h.size() - 2).valLoss());
    FastFittedHead full = FastHeadTrainer.fit(x, labels, LEVELS, head, f.patience(0).epochs(h.size()), m -> { });
    assertEquals(0, full.stoppedEpoch());
    assertTrue(maxAbsDiff(full.params(), stopped.params()) <= TOGETHER_TOL, "weights of the last epoch are kept");
  }

  @Test
  void everyOptimizerOptionChangesTheTraining() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 12);
    HeadSpec head = HeadSpec.flatten().dense(16, "relu");
    FitSpec sgd = fit(Optimizer.SGD, 0.05).epochs(3);
    INDArray plain = FastHeadTrainer.fit(x, labels, LEVELS, head, sgd, m -> { }).params();
    for (FitSpec f : List.of(sgd.l2(0.05), sgd.momentum(0.9), sgd.weightDecay(0.2))) {
      INDArray with = FastHeadTrainer.fit(x, labels, LEVELS, head, f, m -> { }).params();
      assertTrue(maxAbsDiff(plain, with) > 100 * WEIGHT_TOL, f.options() + " changed nothing");
      assertEquals(f.options().weightRegularization().size(), ((org.deeplearning4j.nn.conf.layers.BaseLayer)
          HeadTrainer.configuration(head, f, DIMS, LEVELS.size()).getConf(1).getLayer()).getRegularization().size(),
          "the output layer's regularization in DL4J's configuration");
    }
  }

  @Test
  void dl4jAndTheFastTrainerStopAtTheSameEpoch() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 8);
    FitSpec f = fit(Optimizer.ADAM, 0.05).epochs(40).patience(1);
    HeadSpec head = HeadSpec.flatten().dense(32, "relu");
    List<EpochMetrics> dl4j = HeadTrainer.fit(x, labels, LEVELS, head, f, m -> { }).history();
    FastFittedHead fast = FastHeadTrainer.fit(x, labels, LEVELS, head, f, m -> { });
    assertTrue(dl4j.size() > 1 && dl4j.size() < 40, "DL4J stopped after " + dl4j.size() + " epochs");
    assertEquals(dl4j.size(), fast.stoppedEpoch());
    for (int e = 0; e < dl4j.size(); e++) {
      assertEquals(dl4j.get(e).valLoss(), fast.history().get(e).valLoss(), METRIC_TOL, "val loss " + e);
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HeadTrainer.fit(x, labels, LEVELS, head,
        FitSpec.defaults().patience(2), m -> { })).getMessage().contains("needs a validation split"));
  }

  @Test
  void badInputsAreRefusedWithTheValue() {
    int[] labels = new int[ROWS];
    INDArray x = blobs(labels, 9);
    List<Candidate> mixed = List.of(Candidate.of(HeadSpec.flatten(), fit(Optimizer.ADAM, 0.01)),
        Candidate.of(HeadSpec.flatten(), fit(Optimizer.ADAM, 0.01).batchSize(8)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FastHeadTrainer.trainTogether(x, labels, LEVELS, mixed, (i, m, s) -> { }));
    assertTrue(e.getMessage().startsWith("candidate 1 has batch size 8"), e.getMessage());
    assertEquals("momentum = 0.9 needs optimizer sgd, not adam; set the optimizer to sgd first, or momentum 0",
        assertThrows(IllegalArgumentException.class, () -> fit(Optimizer.ADAM, 0.01).momentum(0.9)).getMessage());
    assertEquals("patience = -1 must be at least 0 (0 = no early stopping)",
        assertThrows(IllegalArgumentException.class, () -> FitSpec.defaults().patience(-1)).getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FastHeadTrainer.fit(x, labels, LEVELS, HeadSpec.flatten(),
        FitSpec.defaults().patience(2), m -> { }));
    assertTrue(e.getMessage().contains("needs a validation split"), e.getMessage());
  }
}
