package org.tune4j.models.head.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.NesterovsUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.SgdUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The fused Java step against DL4J's own native ops run one after another (L2 by {@code Axpy}, the updater op,
 * weight decay by {@code Axpy}, the subtraction), on vectors long enough to span several state chunks and
 * both threads, with weight matrices that start and end inside chunks.
 */
class FusedUpdaterTest {
  static final int N = 3 * FusedUpdater.CHUNK + 1234;
  /** One head's parameters: [0, A) and [A, N); weights are [100, 9000) and [A + 5, N - 7). */
  static final int A = FusedUpdater.CHUNK + 4321;

  static Stream<Arguments> updaters() {
    return Stream.of(
        Arguments.of(new Adam(0.01, 0.9, 0.999, 1e-8), 0.0, 0.0),
        Arguments.of(new Adam(0.003), 0.02, 0.1),
        Arguments.of(new Sgd(0.1), 0.05, 0.0),
        Arguments.of(new Nesterovs(0.05, 0.9), 0.01, 0.0),
        Arguments.of(new RmsProp(0.001, 0.95, 1e-8), 0.03, 0.0));
  }

  @ParameterizedTest(name = "{0} l2={1} wd={2}")
  @MethodSource("updaters")
  void equalsDl4jsNativeOpsOneAfterAnother(IUpdater config, double l2, double wd) {
    for (int threads : new int[] {1, 2, 3}) {
      INDArray params = Nd4j.rand(DataType.FLOAT, N).subi(0.5);
      INDArray grads = Nd4j.create(DataType.FLOAT, N);
      INDArray refParams = params.dup();
      INDArray s1 = Nd4j.create(DataType.FLOAT, N).assign(config instanceof RmsProp r ? r.getEpsilon() : 0);
      INDArray s2 = Nd4j.create(DataType.FLOAT, N);
      HeadUpdater head = new HeadUpdater(config, l2, wd);
      head.addSegment(0, A);
      head.addSegment(A, N - A);
      head.addWeights(100, 8900);
      head.addWeights(A + 5, N - A - 12);
      FusedUpdater fused = new FusedUpdater(params, grads, List.of(head), threads);
      for (int it = 0; it < 4; it++) {
        INDArray g = Nd4j.randn(DataType.FLOAT, N).muli(0.1);
        grads.assign(g);
        fused.apply(it, new boolean[] {true});
        reference(config, l2, wd, refParams, g, s1, s2, it);
      }
      double diff = params.sub(refParams).amaxNumber().doubleValue();
      assertTrue(diff < 1e-6, config + " with " + threads + " threads: max |fused - dl4j| = " + diff);
    }
  }

  private static void reference(IUpdater config, double l2, double wd, INDArray p, INDArray g, INDArray s1,
      INDArray s2, int it) {
    for (long[] w : new long[][] {{100, 8900}, {A + 5, N - A - 12}}) {
      Nd4j.exec(new Axpy(seg(p, w), seg(g, w), seg(g, w), l2));
    }
    double lr = config.getLearningRate(it, 0);
    if (config instanceof Adam a) {
      Nd4j.exec(new AdamUpdater(g, s2, s1, lr, a.getBeta1(), a.getBeta2(), a.getEpsilon(), it));
    } else if (config instanceof Nesterovs n) {
      Nd4j.exec(new NesterovsUpdater(g, s1, lr, n.currentMomentum(it, 0)));
    } else if (config instanceof RmsProp r) {
      Nd4j.exec(new RmsPropUpdater(g, s1, lr, r.getRmsDecay(), r.getEpsilon()));
    } else {
      Nd4j.exec(new SgdUpdater(g, lr));
    }
    for (long[] w : new long[][] {{100, 8900}, {A + 5, N - A - 12}}) {
      Nd4j.exec(new Axpy(seg(p, w), seg(g, w), seg(g, w), wd * lr));
    }
    p.subi(g);
  }

  private static INDArray seg(INDArray v, long[] w) {
    return v.get(NDArrayIndex.interval(w[0], w[0] + w[1]));
  }

  @Test
  void stoppedHeadsAreLeftAloneAndThreadsDoNotChangeTheResult() {
    float[][] results = new float[2][];
    for (int threads = 1; threads <= 2; threads++) {
      INDArray params = Nd4j.linspace(DataType.FLOAT, 1, N, 1).divi(N);
      INDArray grads = Nd4j.create(DataType.FLOAT, N).assign(0.25);
      HeadUpdater first = new HeadUpdater(new Adam(0.01), 0, 0);
      first.addSegment(0, A);
      first.addWeights(0, A);
      HeadUpdater second = new HeadUpdater(new Sgd(0.5), 0, 0);
      second.addSegment(A, N - A);
      FusedUpdater fused = new FusedUpdater(params, grads, List.of(first, second), threads);
      INDArray before = params.dup();
      fused.apply(0, new boolean[] {true, false});
      assertEquals(before.get(NDArrayIndex.interval(A, N)), params.get(NDArrayIndex.interval(A, N)),
          "the stopped head's parameters");
      assertTrue(before.get(NDArrayIndex.interval(0, A)).sub(params.get(NDArrayIndex.interval(0, A)))
          .minNumber().doubleValue() > 0, "the active head moved against its gradient");
      fused.apply(1, new boolean[] {true, true});
      assertEquals(before.getFloat(N - 1) - 0.125f, params.getFloat(N - 1), 1e-6f, "SGD step of the second head");
      results[threads - 1] = params.toFloatVector();
    }
    assertArrayEquals(results[0], results[1], "one thread and two give the same parameters");
  }
}
