package org.tune4j.models.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HeadTrainerTest {
  static final List<String> LEVELS = List.of("a", "b", "c");

  /** Three well-separated Gaussian blobs in 8 dimensions. */
  static INDArray blobs(int[] labels, long seed) {
    Random r = new Random(seed);
    INDArray x = Nd4j.create(DataType.FLOAT, labels.length, 8);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 8; j++) {
        x.putScalar(i, j, (j == labels[i] ? 3.0 : 0.0) + r.nextGaussian() * 0.5);
      }
    }
    return x;
  }

  @Test
  void learnsSeparableClassesAndLogsEveryEpoch() {
    int[] labels = new int[300];
    INDArray x = blobs(labels, 1);
    List<EpochMetrics> seen = new ArrayList<>();
    FittedHead head = HeadTrainer.fit(x, labels, LEVELS, HeadSpec.flatten().dense(16, Activation.RELU).dropout(0.25),
        FitSpec.defaults().epochs(4).validationSplit(0.2).learnRate(0.01), seen::add);
    assertEquals(4, seen.size());
    assertEquals(seen, head.history());
    EpochMetrics last = seen.get(3);
    assertTrue(last.valAccuracy() > 0.9, "val accuracy " + last.valAccuracy());
    assertTrue(last.loss() < seen.get(0).loss() || seen.get(0).accuracy() > 0.95, "loss should fall: " + seen);
    Predictions p = head.predict(x);
    assertTrue(p.accuracy(labels) > 0.9);
    assertEquals(1.0, p.probabilities()[0][0] + p.probabilities()[0][1] + p.probabilities()[0][2], 1e-5);
  }

  @Test
  void sameSeedSameHead() {
    int[] labels = new int[90];
    INDArray x = blobs(labels, 2);
    FitSpec fit = FitSpec.defaults().epochs(2).batchSize(16).seed(5);
    HeadSpec head = HeadSpec.flatten().dense(8, Activation.TANH);
    MultiLayerNetwork a = HeadTrainer.fit(x, labels, LEVELS, head, fit, m -> { }).network();
    MultiLayerNetwork b = HeadTrainer.fit(x, labels, LEVELS, head, fit, m -> { }).network();
    assertEquals(a.params(), b.params());
  }

  @Test
  void noValidationSplitReportsNaN() {
    int[] labels = new int[30];
    INDArray x = blobs(labels, 3);
    FittedHead head = HeadTrainer.fit(x, labels, LEVELS, HeadSpec.flatten(), FitSpec.defaults(), m -> { });
    assertTrue(Double.isNaN(head.history().get(0).valLoss()));
    assertEquals("Epoch 1/1 - loss: 1.0000 - accuracy: 0.5000", new EpochMetrics(1, 1, 0.5, Double.NaN, Double.NaN).format(1));
  }

  @Test
  void kerasDropoutRateBecomesDl4jRetainProbability() {
    var conf = HeadTrainer.configuration(HeadSpec.flatten().dense(4, Activation.RELU).dropout(0.25),
        FitSpec.defaults(), 8, 3);
    DropoutLayer d = (DropoutLayer) conf.getConf(1).getLayer();
    assertEquals(0.75, ((org.deeplearning4j.nn.conf.dropout.Dropout) d.getIDropout()).getP(), 0);
  }

  @Test
  void badSettingsAreRefusedWithTheValue() {
    assertEquals("dropout rate = 1.0 must be in [0, 1)",
        assertThrows(IllegalArgumentException.class, () -> HeadSpec.flatten().dropout(1.0)).getMessage());
    assertEquals("epochs = 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> FitSpec.defaults().epochs(0)).getMessage());
    assertEquals("validation split = 1.5 must be in [0, 1)",
        assertThrows(IllegalArgumentException.class, () -> FitSpec.defaults().validationSplit(1.5)).getMessage());
    assertEquals("learn rate = -1.0 must be a finite number above 0",
        assertThrows(IllegalArgumentException.class, () -> FitSpec.defaults().learnRate(-1)).getMessage());
    int[] labels = new int[3];
    INDArray x = blobs(labels, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeadTrainer.fit(x, labels, LEVELS, HeadSpec.flatten(), FitSpec.defaults().validationSplit(0.9), m -> { }));
    assertTrue(e.getMessage().contains("leaves no training rows"), e.getMessage());
  }
}
