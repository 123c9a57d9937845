package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.tune4j.models.head.HeadLayer;

/**
 * Several heads on the same features, trained in lockstep over one minibatch order. All parameters
 * live in one flat vector laid out as {@code [W_wide | b_wide | rest of head 0 | rest of head 1 | ...]}:
 * the first dense layers of all heads (those fed by the features directly) are the column blocks of one
 * column-major {@code [nIn, total]} matrix, so one GEMM computes them all over the shared minibatch, and
 * one more GEMM their weight gradients. Every other layer is each head's own. Gradients, Adam moments and
 * the like share the layout, so the parameter step is one op for all heads and the updater runs once per
 * group of heads with equal updater settings ({@link PackUpdater}), whose parameters are laid out next to each
 * other. The output layers divide their gradient by the batch size, so every gradient arrives batch-averaged.
 * Buffers are allocated once per minibatch size. Not thread-safe.
 */
final class HeadPack {
  /** Rows per chunk when evaluating or predicting. */
  static final int EVAL_ROWS = 256;
  private final INDArray features;
  private final INDArray oneHot;
  private final int nIn;
  private final int nClasses;
  private final int total;
  private final INDArray params;
  private final INDArray grads;
  private final INDArray wideW;
  private final INDArray wideB;
  private final INDArray wideDw;
  private final INDArray wideDb;
  private final INDArray wideBRow;
  private final INDArray wideDbColumn;
  private final List<HeadNet> heads = new ArrayList<>();
  private final Map<Integer, INDArray[]> sets = new HashMap<>();
  private final PackUpdater updater;
  private INDArray x;
  private INDArray y;
  private INDArray zw;
  private INDArray dzw;
  private INDArray ones;

  HeadPack(INDArray features, int[] labels, int nClasses, List<Candidate> candidates, DropoutMasks masks) {
    this.features = features.castTo(DataType.FLOAT).dup('c');
    this.nIn = (int) features.columns();
    this.nClasses = nClasses;
    this.oneHot = Nd4j.create(DataType.FLOAT, labels.length, nClasses);
    for (int i = 0; i < labels.length; i++) {
      oneHot.putScalar(i, labels[i], 1f);
    }
    List<MultiLayerNetwork> inits = new ArrayList<>();
    int wideTotal = 0;
    long restTotal = 0;
    for (Candidate c : candidates) {
      MultiLayerNetwork net = new MultiLayerNetwork(
          FastHeadTrainer.referenceConfiguration(c.head(), c.fit(), c.options(), nIn, nClasses));
      net.init();
      inits.add(net);
      int first = firstWidth(c);
      wideTotal += first;
      restTotal += net.numParams() - ((long) nIn * first + first);
    }
    this.total = wideTotal;
    long length = (long) nIn * total + total + restTotal;
    this.params = Bufs.vec(length);
    this.grads = Bufs.vec(length);
    INDArray state1 = Bufs.vec(length);
    INDArray state2 = Bufs.vec(length);
    this.wideW = Bufs.mat(params, 0, nIn, total);
    this.wideB = Bufs.seg(params, (long) nIn * total, total);
    this.wideDw = Bufs.mat(grads, 0, nIn, total);
    this.wideDb = Bufs.seg(grads, (long) nIn * total, total);
    this.wideBRow = total > 0 ? wideB.reshape(1, total) : null;
    this.wideDbColumn = total > 0 ? wideDb.reshape(total, 1) : null;
    int col = 0;
    long rest = (long) nIn * total + total;
    HeadNet[] placed = new HeadNet[candidates.size()];
    for (int h : groupedOrder(candidates)) {
      Candidate c = candidates.get(h);
      INDArray init = Nd4j.toFlattened(inits.get(h).params());
      int first = firstWidth(c);
      long firstLen = (long) nIn * first + first;
      long restLen = init.length() - firstLen;
      long[][] layout = first > 0
          ? new long[][] {{(long) col * nIn, (long) nIn * first}, {(long) nIn * total + col, first}, {rest, restLen}}
          : new long[][] {{rest, restLen}};
      long from = 0;
      for (long[] piece : layout) {
        Bufs.seg(params, piece[0], piece[1]).assign(Bufs.seg(init, from, piece[1]));
        from += piece[1];
      }
      HeadUpdater updater = new HeadUpdater(c.options().updater(c.fit()), c.options().l2(), c.options().weightDecay());
      for (long[] piece : layout) {
        if (piece[1] > 0) {
          updater.addSegment(Bufs.seg(grads, piece[0], piece[1]), Bufs.seg(state1, piece[0], piece[1]),
              Bufs.seg(state2, piece[0], piece[1]));
        }
      }
      placed[h] = new HeadNet(ops(c, col, first, rest, updater, masks), updater, layout);
      col += first;
      rest += restLen;
    }
    heads.addAll(Arrays.asList(placed));
    this.updater = new PackUpdater(heads, grads, state1, state2);
  }

  /** Candidate indices with equal updater configurations next to each other (first appearance order), so their parameters are contiguous. */
  private static List<Integer> groupedOrder(List<Candidate> candidates) {
    Map<IUpdater, List<Integer>> groups = new LinkedHashMap<>();
    for (int h = 0; h < candidates.size(); h++) {
      Candidate c = candidates.get(h);
      groups.computeIfAbsent(c.options().updater(c.fit()), k -> new ArrayList<>()).add(h);
    }
    List<Integer> order = new ArrayList<>();
    groups.values().forEach(order::addAll);
    return order;
  }

  /** The width of the candidate's first layer when it is dense (or the output), i.e. joins the wide product; else 0. */
  private int firstWidth(Candidate c) {
    for (HeadLayer l : c.head().layers()) {
      if (l instanceof HeadLayer.Dropout d && d.rate() == 0) {
        continue; // not a DL4J layer
      }
      return l instanceof HeadLayer.Dense d ? d.units() : 0;
    }
    return nClasses;
  }

  private List<LayerOp> ops(Candidate c, int col, int first, long restFrom, HeadUpdater updater, DropoutMasks masks) {
    List<LayerOp> ops = new ArrayList<>();
    long cur = restFrom;
    int width = nIn;
    int index = 0;
    List<HeadLayer> layers = new ArrayList<>(c.head().layers());
    layers.add(null); // the output layer
    for (HeadLayer l : layers) {
      if (l instanceof HeadLayer.Dropout d) {
        if (d.rate() > 0) {
          ops.add(new DropoutOp(width, d.rate(), c.fit().seed(), index++, masks));
        }
        continue;
      }
      if (l instanceof HeadLayer.BatchNorm) {
        INDArray[] p = {Bufs.seg(params, cur, width), Bufs.seg(params, cur + width, width),
            Bufs.seg(params, cur + 2L * width, width), Bufs.seg(params, cur + 3L * width, width)};
        INDArray[] g = {Bufs.seg(grads, cur, width), Bufs.seg(grads, cur + width, width)};
        ops.add(new BatchNormOp(width, p, g));
        cur += 4L * width;
        index++;
        continue;
      }
      if (l instanceof HeadLayer.ActivationLayer a) {
        ops.add(new ActivationOp(width, Act.of(a.activation())));
        index++;
        continue;
      }
      boolean output = l == null;
      int units = output ? nClasses : ((HeadLayer.Dense) l).units();
      Act act = output ? Act.IDENTITY : Act.of(((HeadLayer.Dense) l).activation());
      DenseOp dense;
      if (ops.isEmpty() && first > 0) {
        INDArray[] pg = {Bufs.mat(params, (long) col * nIn, nIn, units), Bufs.seg(params, (long) nIn * total + col, units),
            Bufs.mat(grads, (long) col * nIn, nIn, units), Bufs.seg(grads, (long) nIn * total + col, units)};
        dense = new DenseOp(nIn, units, act, output, pg, r -> new INDArray[] {
            columns(sets.get(r)[2], col, units), columns(sets.get(r)[3], col, units)});
      } else {
        INDArray[] pg = {Bufs.mat(params, cur, width, units), Bufs.seg(params, cur + (long) width * units, units),
            Bufs.mat(grads, cur, width, units), Bufs.seg(grads, cur + (long) width * units, units)};
        dense = new DenseOp(width, units, act, output, pg, null);
        cur += (long) width * units + units;
      }
      updater.addWeights(dense.weights(), dense.weightGrads());
      ops.add(dense);
      width = units;
      index++;
    }
    return ops;
  }

  private static INDArray columns(INDArray m, int from, int n) {
    return m.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + n));
  }

  int nIn() {
    return nIn;
  }

  private void prepare(int rows) {
    INDArray[] s = sets.computeIfAbsent(rows, r -> new INDArray[] {Nd4j.create(DataType.FLOAT, r, nIn),
        Nd4j.create(DataType.FLOAT, r, nClasses), total > 0 ? Bufs.f(r, total) : null, total > 0 ? Bufs.f(r, total) : null, Bufs.ones(r)});
    x = s[0];
    y = s[1];
    zw = s[2];
    dzw = s[3];
    ones = s[4];
  }

  /** Gathers rows of the features (and labels) into the minibatch buffers; computes the wide product. */
  private void load(int[] rows, INDArray source, boolean withLabels) {
    prepare(rows.length);
    Nd4j.pullRows(source, x, 1, rows);
    if (withLabels) {
      Nd4j.pullRows(oneHot, y, 1, rows);
    }
  }

  private void wideForward() {
    if (total > 0) {
      Nd4j.gemm(x, wideW, zw, false, false, 1.0, 0.0);
      Nd4j.gemm(ones, wideBRow, zw, false, false, 1.0, 1.0);
    }
  }

  /** One optimizer step of every active head on the minibatch {@code rows}. */
  void step(int[] rows, int iteration, boolean[] active) {
    load(rows, features, true);
    wideForward();
    for (int h = 0; h < heads.size(); h++) {
      if (active[h]) {
        HeadNet head = heads.get(h);
        head.prepare(rows.length);
        head.forward(x, true, iteration, true);
        head.backward(y);
      }
    }
    if (total > 0) {
      Nd4j.gemm(x, dzw, wideDw, true, false, 1.0, 0.0);
      Nd4j.gemm(dzw, ones, wideDbColumn, true, false, 1.0, 0.0);
    }
    updater.apply(iteration, active);
    params.subi(grads);
  }

  /** Stops a head: later steps leave its parameters alone. */
  void stop(int head) {
    heads.get(head).stop();
  }

  /**
   * Inference-mode loss (mean cross-entropy, probabilities clipped to {@code [eps, 1 - eps]}) and accuracy of every
   * active head on {@code rows}: {@code [head][loss, accuracy]}.
   */
  double[][] evaluate(int[] rows, int[] labels, boolean[] active, double eps) {
    double[][] sums = new double[heads.size()][2];
    for (int from = 0; from < rows.length; from += EVAL_ROWS) {
      int[] chunk = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + EVAL_ROWS));
      load(chunk, features, false);
      wideForward();
      for (int h = 0; h < heads.size(); h++) {
        if (active[h]) {
          HeadNet head = heads.get(h);
          head.prepare(chunk.length);
          float[] p = head.forward(x, false, 0, true).data().asFloat();
          for (int i = 0; i < chunk.length; i++) {
            int truth = labels[chunk[i]];
            int best = 0;
            for (int k = 1; k < nClasses; k++) {
              if (p[k * chunk.length + i] > p[best * chunk.length + i]) {
                best = k;
              }
            }
            sums[h][0] -= Math.log(Math.min(1 - eps, Math.max(eps, p[truth * chunk.length + i])));
            sums[h][1] += best == truth ? 1 : 0;
          }
        }
      }
    }
    for (double[] s : sums) {
      s[0] /= rows.length;
      s[1] /= rows.length;
    }
    return sums;
  }

  /** Class probabilities of one head for every row of {@code rows} (its own features), in inference mode. */
  double[][] predict(int head, INDArray rows) {
    INDArray source = rows.castTo(DataType.FLOAT).dup('c');
    int n = (int) source.rows();
    double[][] out = new double[n][nClasses];
    HeadNet net = heads.get(head);
    for (int from = 0; from < n; from += EVAL_ROWS) {
      int m = Math.min(n, from + EVAL_ROWS) - from;
      int[] chunk = new int[m];
      for (int i = 0; i < m; i++) {
        chunk[i] = from + i;
      }
      load(chunk, source, false);
      net.prepare(m);
      float[] p = net.forward(x, false, 0, false).data().asFloat();
      for (int i = 0; i < m; i++) {
        for (int k = 0; k < nClasses; k++) {
          out[from + i][k] = p[k * m + i];
        }
      }
    }
    return out;
  }

  /** A copy of one head's parameters in DL4J's flat order ({@code MultiLayerNetwork.params()}), {@code [1, n]}. */
  INDArray params(int head) {
    long[][] layout = heads.get(head).layout();
    long n = 0;
    for (long[] piece : layout) {
      n += piece[1];
    }
    INDArray out = Nd4j.create(DataType.FLOAT, 1, n);
    INDArray flat = out.reshape(n);
    long at = 0;
    for (long[] piece : layout) {
      Bufs.seg(flat, at, piece[1]).assign(Bufs.seg(params, piece[0], piece[1]));
      at += piece[1];
    }
    return out;
  }
}
