package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tune4j.models.head.HeadLayer;
import org.tune4j.models.head.HeadTrainer;

/**
 * Several heads on the same features, trained in lockstep over one minibatch order. All parameters
 * live in one flat vector laid out as {@code [W_wide | b_wide | shallow groups | rest of head 0 | rest of head 1 |
 * ...]}: the first dense layers of all heads (those fed by the features directly) are the column blocks of one
 * column-major {@code [nIn, total]} matrix, so one GEMM computes them all over the shared minibatch, and
 * one more GEMM their weight gradients. Heads of the usual shape (dense, optional dropout, softmax) come first and
 * are trained a group at a time by {@link ShallowHeads}, each group's output layers one block-diagonal matrix
 * followed by their biases; every other layer is each head's own. Gradients share the layout, and
 * the optimizer step of all heads is one fused pass over both vectors ({@link FusedUpdater}). The output layers
 * divide their gradient by the batch size, so every gradient arrives batch-averaged. Buffers are allocated once
 * per minibatch size. Not thread-safe.
 */
final class HeadPack {
  /** Rows per chunk when evaluating or predicting. */
  static final int EVAL_ROWS = 256;
  /** Shallow heads per {@link ShallowHeads} block, at most. */
  static final int SHALLOW_GROUP = 32;
  private final INDArray features;
  private final INDArray oneHot;
  private final java.nio.FloatBuffer featureValues;
  private final java.nio.FloatBuffer oneHotValues;
  private float[] gathered = new float[0];
  private final int nIn;
  private final int nClasses;
  private final int total;
  private final INDArray params;
  private final INDArray grads;
  private final INDArray wideWT; // the wide weights' memory seen as row-major [total, nIn]: faster GEMMs
  private final INDArray wideB;
  private final INDArray wideDwT;
  private final INDArray wideDb;
  private final INDArray wideBRow;
  private final INDArray wideDbColumn;
  private final List<HeadNet> heads = new ArrayList<>(); // null for the shallow heads
  private final List<ShallowHeads> shallow = new ArrayList<>();
  private final long[][][] layouts; // per head: {packOffset, length} pieces in DL4J's flat order
  private final int[] labels;
  private final Map<Integer, INDArray[]> sets = new HashMap<>();
  private final FusedUpdater updater;
  private INDArray x;
  private INDArray y;
  private INDArray zw;
  private INDArray zwT; // zw's memory seen as row-major [total, rows]
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
    this.labels = labels.clone();
    this.featureValues = Bufs.floats(this.features);
    this.oneHotValues = Bufs.floats(oneHot);
    List<MultiLayerNetwork> inits = new ArrayList<>();
    List<Integer> shallowOrder = new ArrayList<>();
    int wideTotal = 0;
    long restTotal = 0;
    for (int h = 0; h < candidates.size(); h++) {
      Candidate c = candidates.get(h);
      MultiLayerNetwork net = new MultiLayerNetwork(
          HeadTrainer.configuration(c.head(), c.fit(), nIn, nClasses));
      net.init();
      inits.add(net);
      int first = firstWidth(c);
      wideTotal += first;
      if (ShallowHeads.fits(c.head().layers())) {
        shallowOrder.add(h);
      } else {
        restTotal += net.numParams() - ((long) nIn * first + first);
      }
    }
    // shallow heads take the first columns, sorted by activation so each activation is one op, in groups of at
    // most SHALLOW_GROUP heads: a group's block-diagonal output matrix grows with the square of its heads
    shallowOrder.sort(java.util.Comparator.comparing(h -> activationOf(candidates.get(h))));
    this.total = wideTotal;
    List<List<Integer>> groups = new ArrayList<>();
    long shallowLength = 0;
    for (int from = 0; from < shallowOrder.size(); from += SHALLOW_GROUP) {
      List<Integer> group = shallowOrder.subList(from, Math.min(shallowOrder.size(), from + SHALLOW_GROUP));
      groups.add(group);
      int width = group.stream().mapToInt(h -> firstWidth(candidates.get(h))).sum();
      shallowLength += ((long) width + 1) * nClasses * group.size();
    }
    long shallowBase = (long) nIn * total + total;
    long length = shallowBase + shallowLength + restTotal;
    this.params = Bufs.vec(length);
    this.grads = Bufs.vec(length);
    this.wideWT = Bufs.seg(params, 0, (long) nIn * total).reshape('c', total, nIn);
    this.wideB = Bufs.seg(params, (long) nIn * total, total);
    this.wideDwT = Bufs.seg(grads, 0, (long) nIn * total).reshape('c', total, nIn);
    this.wideDb = Bufs.seg(grads, (long) nIn * total, total);
    this.wideBRow = total > 0 ? Bufs.row(wideB) : null;
    this.wideDbColumn = total > 0 ? Bufs.column(wideDb) : null;
    HeadUpdater[] updaters = new HeadUpdater[candidates.size()];
    HeadNet[] nets = new HeadNet[candidates.size()];
    this.layouts = new long[candidates.size()][][];
    int col = 0;
    long rest = shallowBase;
    for (List<Integer> group : groups) {
      ShallowHeads block = shallowGroup(candidates, inits, group, col, rest, updaters, masks);
      shallow.add(block);
      col += block.width();
      rest += ((long) block.width() + 1) * nClasses * group.size();
    }
    for (int h = 0; h < candidates.size(); h++) {
      if (layouts[h] != null) {
        continue; // shallow
      }
      Candidate c = candidates.get(h);
      int first = firstWidth(c);
      long restLen = inits.get(h).numParams() - ((long) nIn * first + first);
      long[][] layout = first > 0
          ? new long[][] {{(long) col * nIn, (long) nIn * first}, {(long) nIn * total + col, first}, {rest, restLen}}
          : new long[][] {{rest, restLen}};
      updaters[h] = place(c, inits.get(h), layout);
      nets[h] = new HeadNet(ops(c, col, first, rest, updaters[h], masks));
      layouts[h] = layout;
      col += first;
      rest += restLen;
    }
    heads.addAll(java.util.Arrays.asList(nets));
    this.updater = new FusedUpdater(params, grads, java.util.Arrays.asList(updaters),
        Nd4j.getEnvironment().maxThreads());
  }

  /**
   * Lays out one group of shallow heads from column {@code col} of the wide product: each head's first layer in
   * the wide matrix, its output layer as a diagonal block of the group's {@code [width, nClasses * heads]} matrix
   * at {@code at}, followed by the group's output biases. Fills the heads' updaters and layouts.
   */
  private ShallowHeads shallowGroup(List<Candidate> candidates, List<MultiLayerNetwork> inits, List<Integer> group,
      int col, long at, HeadUpdater[] updaters, DropoutMasks masks) {
    int width = group.stream().mapToInt(h -> firstWidth(candidates.get(h))).sum();
    int n = group.size();
    long b2Base = at + (long) width * nClasses * n;
    List<ShallowHeads.Member> members = new ArrayList<>();
    int local = 0;
    for (int j = 0; j < n; j++) {
      int h = group.get(j);
      Candidate c = candidates.get(h);
      int u = firstWidth(c);
      long[][] layout = new long[nClasses + 3][];
      layout[0] = new long[] {(long) (col + local) * nIn, (long) nIn * u};
      layout[1] = new long[] {(long) nIn * total + col + local, u};
      for (int k = 0; k < nClasses; k++) {
        layout[2 + k] = new long[] {at + (long) (nClasses * j + k) * width + local, u};
      }
      layout[nClasses + 2] = new long[] {b2Base + (long) nClasses * j, nClasses};
      updaters[h] = place(c, inits.get(h), layout);
      updaters[h].addWeights(layout[0][0], layout[0][1]);
      for (int k = 0; k < nClasses; k++) {
        updaters[h].addWeights(layout[2 + k][0], layout[2 + k][1]);
      }
      HeadLayer.Dense dense = (HeadLayer.Dense) c.head().layers().stream()
          .filter(l -> l instanceof HeadLayer.Dense).findFirst().orElseThrow();
      double rate = c.head().layers().stream().filter(l -> l instanceof HeadLayer.Dropout)
          .mapToDouble(l -> ((HeadLayer.Dropout) l).rate()).max().orElse(0);
      members.add(new ShallowHeads.Member(h, local, u, Act.of(dense.activation()), rate, c.fit().seed(), 1));
      layouts[h] = layout;
      local += u;
    }
    return new ShallowHeads(nClasses, col, members,
        new INDArray[] {Bufs.mat(params, at, width, nClasses * n), Bufs.seg(params, b2Base, nClasses * n)},
        new INDArray[] {Bufs.mat(grads, at, width, nClasses * n), Bufs.seg(grads, b2Base, nClasses * n)},
        masks);
  }

  /** Copies DL4J's initial parameters of a head into its layout pieces; returns its updater over them. */
  private HeadUpdater place(Candidate c, MultiLayerNetwork init, long[][] layout) {
    INDArray flat = Nd4j.toFlattened(init.params());
    long from = 0;
    HeadUpdater updater = new HeadUpdater(c.fit().updater(), c.fit().options().l2(), c.fit().options().weightDecay());
    for (long[] piece : layout) {
      Bufs.seg(params, piece[0], piece[1]).assign(Bufs.seg(flat, from, piece[1]));
      updater.addSegment(piece[0], piece[1]);
      from += piece[1];
    }
    return updater;
  }

  private static String activationOf(Candidate c) {
    return c.head().layers().stream().filter(l -> l instanceof HeadLayer.Dense)
        .map(l -> ((HeadLayer.Dense) l).activation()).findFirst().orElse("");
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
      updater.addWeights(dense.weights().offset(), dense.weights().length());
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
    INDArray[] s = sets.computeIfAbsent(rows, r -> {
      INDArray z = total > 0 ? Bufs.vec((long) r * total) : null;
      return new INDArray[] {Nd4j.create(DataType.FLOAT, r, nIn), Nd4j.create(DataType.FLOAT, r, nClasses),
          total > 0 ? z.reshape('f', r, total) : null, total > 0 ? Bufs.f(r, total) : null, Bufs.ones(r),
          total > 0 ? z.reshape('c', total, r) : null};
    });
    x = s[0];
    y = s[1];
    zw = s[2];
    dzw = s[3];
    ones = s[4];
    zwT = s[5];
    for (ShallowHeads block : shallow) {
      block.prepare(rows, columns(zw, block.firstColumn(), block.width()), columns(dzw, block.firstColumn(), block.width()));
    }
  }

  /**
   * Gathers rows of the features (and labels) into the minibatch buffers, in Java: ten times faster than ND4J's
   * {@code pullRows} for a minibatch (0.01 ms against 0.1 ms for 32 rows of 2048).
   */
  private void load(int[] rows, INDArray source, boolean withLabels) {
    prepare(rows.length);
    gather(source == features ? featureValues : Bufs.floats(source), nIn, rows, x);
    if (withLabels) {
      gather(oneHotValues, nClasses, rows, y);
    }
  }

  /** Copies rows {@code rows} of a row-major matrix of {@code width} columns into the row-major {@code to}. */
  private void gather(java.nio.FloatBuffer from, int width, int[] rows, INDArray to) {
    int n = rows.length * width;
    if (gathered.length < n) {
      gathered = new float[n];
    }
    for (int i = 0; i < rows.length; i++) {
      from.get(rows[i] * width, gathered, i * width, width);
    }
    Bufs.floats(to).put(0, gathered, 0, n);
  }

  private void wideForward() {
    if (total > 0) {
      // z^T = W^T x^T on row-major views of the same memory: OpenBLAS runs this form of the product about 1.7x
      // faster than z = x W for a minibatch (1.06 ms against 1.80 ms, 32 x 2048 x 1728)
      Nd4j.gemm(wideWT, x, zwT, false, true, 1.0, 0.0);
      Nd4j.gemm(ones, wideBRow, zw, false, false, 1.0, 1.0);
    }
  }

  private int[] labelsOf(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }

  /** One optimizer step of every active head on the minibatch {@code rows}. */
  void step(int[] rows, int iteration, boolean[] active) {
    load(rows, features, true);
    wideForward();
    int[] rowLabels = labelsOf(rows);
    for (ShallowHeads block : shallow) {
      block.train(rowLabels, iteration);
    }
    for (int h = 0; h < heads.size(); h++) {
      HeadNet head = heads.get(h);
      if (active[h] && head != null) {
        head.prepare(rows.length);
        head.forward(x, true, iteration, true);
        head.backward(y);
      }
    }
    if (total > 0) {
      Nd4j.gemm(dzw, x, wideDwT, true, false, 1.0, 0.0); // dW^T = dz^T x, as the forward product (1.05 against 1.27 ms)
      Nd4j.gemm(dzw, ones, wideDbColumn, true, false, 1.0, 0.0);
    }
    updater.apply(iteration, active);
  }

  /** Stops a head: later steps leave its parameters alone. */
  void stop(int head) {
    if (heads.get(head) != null) {
      heads.get(head).stop();
    }
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
      int[] truth = new int[chunk.length];
      for (int i = 0; i < chunk.length; i++) {
        truth[i] = labels[chunk[i]];
      }
      for (ShallowHeads block : shallow) {
        block.evaluate(truth, active, eps, sums);
      }
      for (int h = 0; h < heads.size(); h++) {
        HeadNet head = heads.get(h);
        if (active[h] && head != null) {
          head.prepare(chunk.length);
          float[] p = head.forward(x, false, 0, true).data().asFloat();
          for (int i = 0; i < chunk.length; i++) {
            int best = 0;
            for (int k = 1; k < nClasses; k++) {
              if (p[k * chunk.length + i] > p[best * chunk.length + i]) {
                best = k;
              }
            }
            sums[h][0] -= Math.log(Math.min(1 - eps, Math.max(eps, p[truth[i] * chunk.length + i])));
            sums[h][1] += best == truth[i] ? 1 : 0;
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
      if (net == null) {
        ShallowHeads block = shallow.stream().filter(b -> b.memberOf(head) >= 0).findFirst().orElseThrow();
        int j = block.memberOf(head);
        ShallowHeads.Member member = block.member(j);
        long[][] layout = layouts[head];
        INDArray z = Nd4j.gemm(x, Bufs.mat(params, layout[0][0], nIn, member.units()), false, false)
            .addiRowVector(Bufs.seg(params, layout[1][0], member.units()).reshape(1, member.units()));
        double[][] p = block.predict(j, z);
        System.arraycopy(p, 0, out, from, m);
        continue;
      }
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
    long[][] layout = layouts[head];
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
