package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.head.HeadLayer;
import org.tune4j.models.head.HeadTrainer;

/**
 * Where every head of a {@link HeadPack} keeps its parameters, and the objects that compute over them. The flat
 * parameter vector is laid out as {@code [W_wide | b_wide | shallow groups | rest of head 0 | rest of head 1 |
 * ...]}: the first dense layers of all heads (those fed by the features directly) are the column blocks of one
 * column-major {@code [nIn, total]} matrix; heads of the usual shape (dense, optional dropout, softmax) take its
 * first columns, sorted by activation so each activation is one op, in {@link ShallowHeads} groups of at most
 * {@link #SHALLOW_GROUP}, each group's output layers one block-diagonal matrix followed by their biases; every
 * other layer is each head's own ({@link HeadNet}). The gradient vector has the same layout. Each head starts
 * from DL4J's initialization of {@link HeadTrainer#configuration}. Built once per pack; not thread-safe.
 */
final class PackLayout {
  /** Shallow heads per {@link ShallowHeads} group, at most: a group's output matrix grows with its heads squared. */
  static final int SHALLOW_GROUP = 32;
  private final int nIn;
  private final int nClasses;
  private final List<Candidate> candidates;
  private final DropoutMasks masks;
  private final IntFunction<INDArray[]> wideBuffers;
  private final List<MultiLayerNetwork> inits = new ArrayList<>();
  private final List<Integer> shallowOrder = new ArrayList<>();
  private final int total;
  private final INDArray params;
  private final INDArray grads;
  private final HeadUpdater[] updaters;
  private final HeadNet[] nets;
  private final long[][][] layouts;
  private final List<ShallowHeads> shallow = new ArrayList<>();

  /**
   * @param nIn feature width
   * @param nClasses classes
   * @param candidates the heads
   * @param masks where dropout masks come from
   * @param wideBuffers for a minibatch size, the pack's wide product and its gradient {@code {z, dz}}, both
   *     {@code [rows, total]} column-major
   */
  PackLayout(int nIn, int nClasses, List<Candidate> candidates, DropoutMasks masks,
      IntFunction<INDArray[]> wideBuffers) {
    this.nIn = nIn;
    this.nClasses = nClasses;
    this.candidates = candidates;
    this.masks = masks;
    this.wideBuffers = wideBuffers;
    int wideTotal = 0;
    long restTotal = 0;
    for (int h = 0; h < candidates.size(); h++) {
      Candidate c = candidates.get(h);
      MultiLayerNetwork net = new MultiLayerNetwork(HeadTrainer.configuration(c.head(), c.fit(), nIn, nClasses));
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
    shallowOrder.sort(Comparator.comparing(h -> activationOf(candidates.get(h))));
    this.total = wideTotal;
    List<List<Integer>> groups = new ArrayList<>();
    long shallowLength = 0;
    for (int from = 0; from < shallowOrder.size(); from += SHALLOW_GROUP) {
      List<Integer> group = shallowOrder.subList(from, Math.min(shallowOrder.size(), from + SHALLOW_GROUP));
      groups.add(group);
      shallowLength += ((long) width(group) + 1) * nClasses * group.size();
    }
    long shallowBase = (long) nIn * total + total;
    this.params = Bufs.vec(shallowBase + shallowLength + restTotal);
    this.grads = Bufs.vec(shallowBase + shallowLength + restTotal);
    this.updaters = new HeadUpdater[candidates.size()];
    this.nets = new HeadNet[candidates.size()];
    this.layouts = new long[candidates.size()][][];
    int col = 0;
    long rest = shallowBase;
    for (List<Integer> group : groups) {
      ShallowHeads block = shallowGroup(group, col, rest);
      shallow.add(block);
      col += block.width();
      rest += ((long) block.width() + 1) * nClasses * group.size();
    }
    layOutGeneralHeads(col, rest);
  }

  /** The heads that are not shallow, after the shallow groups: their first layers' columns, then their rest. */
  private void layOutGeneralHeads(int col, long rest) {
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
      nets[h] = new HeadNet(ops(c, col, first, rest, updaters[h]));
      layouts[h] = layout;
      col += first;
      rest += restLen;
    }
  }

  /**
   * Lays out one group of shallow heads from column {@code col} of the wide product: each head's first layer in
   * the wide matrix, its output layer as a diagonal block of the group's {@code [width, nClasses * heads]} matrix
   * at {@code at}, followed by the group's output biases.
   */
  private ShallowHeads shallowGroup(List<Integer> group, int col, long at) {
    int width = width(group);
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

  private int width(List<Integer> group) {
    return group.stream().mapToInt(h -> firstWidth(candidates.get(h))).sum();
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

  /** A general head's layer ops over its pieces of the flat vectors. */
  private List<LayerOp> ops(Candidate c, int col, int first, long restFrom, HeadUpdater updater) {
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
        dense = new DenseOp(nIn, units, act, output, pg, r -> Arrays.stream(wideBuffers.apply(r))
            .map(m -> Bufs.columns(m, col, units)).toArray(INDArray[]::new));
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

  /** Columns of the wide product. */
  int total() {
    return total;
  }

  INDArray params() {
    return params;
  }

  INDArray grads() {
    return grads;
  }

  /** Each head's updater settings and segments, in candidate order. */
  List<HeadUpdater> updaters() {
    return Arrays.asList(updaters);
  }

  /** Each general head's layers, in candidate order; null for a shallow head. */
  List<HeadNet> nets() {
    return Arrays.asList(nets);
  }

  /** Per head: its {@code {offset, length}} pieces of the flat vector, in DL4J's flat order. */
  long[][][] layouts() {
    return layouts;
  }

  List<ShallowHeads> shallow() {
    return shallow;
  }
}
