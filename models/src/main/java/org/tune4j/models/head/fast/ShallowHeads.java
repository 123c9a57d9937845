package org.tune4j.models.head.fast;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tune4j.models.head.HeadLayer;

/**
 * The heads of a {@link HeadPack} shaped like the usual transfer-learning head, one hidden dense layer, optional
 * dropout, softmax output, computed all at once: a step costs the same dozen native calls whether the pack holds
 * one such head or sixty. Their hidden layers are the first {@code width} columns of the pack's wide product,
 * ordered by activation so each activation is one op over a run of columns; their dropout masks are one array,
 * each head's block filled from its own seed; their output layers are one block-diagonal matrix {@code [width,
 * nClasses * heads]} whose diagonal blocks are the heads' output weights (the zeros around them are never
 * updated, so one GEMM gives every head its own logits and one more every head its weight gradient); softmax,
 * cross-entropy gradient, loss and accuracy are computed in one Java loop over the small logits array. Each head
 * gets exactly what it gets alone. Not thread-safe.
 */
final class ShallowHeads {
  /**
   * One head: its index in the pack, its first column in the block, its width, activation and dropout rate (0
   * for none), and the seed and DL4J layer index its dropout masks are drawn with.
   */
  record Member(int head, int col, int units, Act act, double rate, long seed, int dropoutLayer) {}

  private final int nClasses;
  private final int firstColumn;
  private final List<Member> members;
  private final int width;
  private final int outs;
  private final INDArray bd;
  private final INDArray b2Row;
  private final INDArray dbd;
  private final INDArray db2Column;
  private final DropoutMasks masks;
  private final boolean anyDropout;
  private final List<int[]> runs = new ArrayList<>(); // {fromCol, toCol, act ordinal}
  private final Map<Integer, Buffers> sets = new HashMap<>();
  private Buffers cur;

  /** Per minibatch size: activations, masks, logits and their gradients, and column views per activation run. */
  private static final class Buffers {
    INDArray a;
    INDArray h;
    INDArray mask;
    float[] maskValues;
    INDArray logits;
    FloatBuffer logitsNio;
    float[] logitsValues;
    INDArray dLogits;
    FloatBuffer dLogitsNio;
    INDArray dh;
    INDArray ones;
    float[] scan;
    INDArray[][] runViews; // per run: {z, dz, a, dh, tmp}
  }

  /**
   * @param nClasses classes of the output layers
   * @param firstColumn where this block's columns start in the pack's wide product
   * @param members the heads, their columns (relative to {@code firstColumn}) contiguous from 0 in order, runs of
   *     equal activation together
   * @param params {@code {blockDiagonal [width, nClasses * members], outputBiases [nClasses * members]}} views
   *     into the pack's flat parameters
   * @param grads the same views into the pack's flat gradient
   * @param masks where dropout masks come from
   */
  ShallowHeads(int nClasses, int firstColumn, List<Member> members, INDArray[] params, INDArray[] grads,
      DropoutMasks masks) {
    this.nClasses = nClasses;
    this.firstColumn = firstColumn;
    this.members = List.copyOf(members);
    Member last = members.get(members.size() - 1);
    this.width = last.col() + last.units();
    this.outs = nClasses * members.size();
    this.bd = params[0];
    this.b2Row = Bufs.row(params[1]);
    this.dbd = grads[0];
    this.db2Column = Bufs.column(grads[1]);
    this.masks = masks;
    this.anyDropout = members.stream().anyMatch(m -> m.rate() > 0);
    for (Member m : members) {
      int[] run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (run != null && run[2] == m.act().ordinal() && run[1] == m.col()) {
        run[1] = m.col() + m.units();
      } else {
        runs.add(new int[] {m.col(), m.col() + m.units(), m.act().ordinal()});
      }
    }
  }

  /** True when the head's DL4J layers are one dense layer, optionally one dropout layer, and the output. */
  static boolean fits(List<HeadLayer> layers) {
    List<HeadLayer> real = layers.stream()
        .filter(l -> !(l instanceof HeadLayer.Dropout d && d.rate() == 0)).toList();
    return !real.isEmpty() && real.get(0) instanceof HeadLayer.Dense
        && (real.size() == 1 || real.size() == 2 && real.get(1) instanceof HeadLayer.Dropout);
  }

  int width() {
    return width;
  }

  int firstColumn() {
    return firstColumn;
  }

  /**
   * Selects the buffers for minibatches of {@code rows} rows; {@code z} and {@code dz} are this block's columns of
   * the pack's wide product and its gradient for that size (column-major, so each column run is contiguous).
   */
  void prepare(int rows, INDArray z, INDArray dz) {
    cur = sets.computeIfAbsent(rows, r -> {
      Buffers b = new Buffers();
      b.a = Bufs.f(r, width);
      b.h = anyDropout ? Bufs.f(r, width) : b.a;
      b.mask = anyDropout ? Bufs.f(r, width) : null;
      b.maskValues = anyDropout ? new float[r * width] : null;
      b.logits = Bufs.f(r, outs);
      b.logitsNio = Bufs.floats(b.logits);
      b.logitsValues = new float[r * outs];
      b.dLogits = Bufs.f(r, outs);
      b.dLogitsNio = Bufs.floats(b.dLogits);
      b.dh = Bufs.f(r, width);
      b.ones = Bufs.ones(r);
      b.scan = new float[r * width];
      INDArray tmp = Bufs.f(r, width);
      b.runViews = new INDArray[runs.size()][];
      for (int i = 0; i < runs.size(); i++) {
        int[] run = runs.get(i);
        b.runViews[i] = new INDArray[] {cols(z, run), cols(dz, run), cols(b.a, run), cols(b.dh, run), cols(tmp, run)};
      }
      return b;
    });
  }

  private static INDArray cols(INDArray m, int[] run) {
    return m.get(NDArrayIndex.all(), NDArrayIndex.interval(run[0], run[1]));
  }

  /**
   * One training step's forward and backward pass for every member, from this block's columns of the wide
   * product (already computed for the minibatch) to this block's columns of its gradient and the output layers'
   * weight and bias gradients (batch-averaged). {@code labels} are the minibatch rows' classes.
   */
  void train(int[] labels, int iteration) {
    activate();
    INDArray h = cur.a;
    if (anyDropout) {
      fillMasks(labels.length, iteration);
      cur.a.mul(cur.mask, cur.h);
      h = cur.h;
    }
    isolateNonFinite(h, labels.length);
    logits(h);
    softmaxGradient(labels);
    Nd4j.gemm(h, cur.dLogits, dbd, true, false, 1.0, 0.0);
    Nd4j.gemm(cur.dLogits, cur.ones, db2Column, true, false, 1.0, 0.0);
    Nd4j.gemm(cur.dLogits, bd, cur.dh, false, true, 1.0, 0.0);
    if (anyDropout) {
      cur.dh.muli(cur.mask);
    }
    for (int i = 0; i < runs.size(); i++) {
      INDArray[] v = cur.runViews[i];
      Act act = Act.values()[runs.get(i)[2]];
      INDArray d = act.backward(v[0], v[2], v[3], v[1], v[4]);
      if (d != v[1]) {
        v[1].assign(d);
      }
    }
  }

  /**
   * Adds every active member's inference-mode cross-entropy (probabilities clipped to {@code [eps, 1 - eps]}) and
   * count of correct predictions on the chunk to {@code sums[head]}.
   */
  void evaluate(int[] labels, boolean[] active, double eps, double[][] sums) {
    activate();
    isolateNonFinite(cur.a, labels.length);
    logits(cur.a);
    int rows = labels.length;
    float[] l = cur.logitsValues;
    cur.logitsNio.get(0, l, 0, rows * outs);
    double[] p = new double[nClasses];
    for (int j = 0; j < members.size(); j++) {
      int head = members.get(j).head();
      if (!active[head]) {
        continue;
      }
      for (int i = 0; i < rows; i++) {
        int best = softmax(l, rows, j, i, p);
        sums[head][0] -= Math.log(Math.min(1 - eps, Math.max(eps, p[labels[i]])));
        sums[head][1] += best == labels[i] ? 1 : 0;
      }
    }
  }

  /**
   * Class probabilities of member {@code j} for the rows of {@code z} (its own hidden pre-activations, {@code
   * [rows, units]}), in inference mode.
   */
  double[][] predict(int j, INDArray z) {
    Member m = members.get(j);
    int rows = (int) z.rows();
    INDArray a = m.act().forward(z, z.ulike());
    INDArray w = bd.get(NDArrayIndex.interval(m.col(), m.col() + m.units()),
        NDArrayIndex.interval(nClasses * j, nClasses * (j + 1))).dup('f');
    INDArray b = b2Row.get(NDArrayIndex.all(), NDArrayIndex.interval(nClasses * j, nClasses * (j + 1)));
    INDArray logits = a.mmul(w).addiRowVector(b).dup('f');
    float[] l = logits.data().asFloat();
    double[][] out = new double[rows][nClasses];
    for (int i = 0; i < rows; i++) {
      softmax(l, rows, 0, i, out[i]);
    }
    return out;
  }

  private void activate() {
    for (int i = 0; i < runs.size(); i++) {
      INDArray[] v = cur.runViews[i];
      INDArray a = Act.values()[runs.get(i)[2]].forward(v[0], v[2]);
      if (a != v[2]) {
        v[2].assign(a);
      }
    }
  }

  /**
   * Zeroes the hidden activations of every member that has a non-finite one. The block-diagonal products multiply
   * every member's activations with the zeros of the other members' blocks, and 0 × NaN is NaN: without this, one
   * diverging head would turn every head of its group to NaN. A member so zeroed has diverged; its own predictions
   * (computed apart, in {@link #predict}) still show it, alone or in a group alike.
   */
  private void isolateNonFinite(INDArray h, int rows) {
    FloatBuffer values = Bufs.floats(h);
    float[] v = cur.scan;
    values.get(0, v, 0, rows * width);
    for (Member m : members) {
      int from = rows * m.col();
      int to = from + rows * m.units();
      for (int i = from; i < to; i++) {
        if (!Float.isFinite(v[i])) {
          java.util.Arrays.fill(v, from, to, 0f);
          values.put(from, v, from, to - from);
          break;
        }
      }
    }
  }

  private void logits(INDArray h) {
    Nd4j.gemm(h, bd, cur.logits, false, false, 1.0, 0.0);
    Nd4j.gemm(cur.ones, b2Row, cur.logits, false, false, 1.0, 1.0);
  }

  private void fillMasks(int rows, int iteration) {
    float[] values = cur.maskValues;
    for (Member m : members) {
      int from = rows * m.col();
      int length = rows * m.units();
      if (m.rate() > 0) {
        masks.fill(values, from, length, 1 - m.rate(), m.seed(), m.dropoutLayer(), iteration);
      } else {
        java.util.Arrays.fill(values, from, from + length, 1f);
      }
    }
    DropoutMasks.write(cur.mask, values);
  }

  /** {@code dLogits = (softmax(logits) - onehot(labels)) / rows} for every member: DL4J's softmax + MCXENT gradient. */
  private void softmaxGradient(int[] labels) {
    int rows = labels.length;
    float[] l = cur.logitsValues;
    cur.logitsNio.get(0, l, 0, rows * outs);
    double[] p = new double[nClasses];
    for (int j = 0; j < members.size(); j++) {
      int from = rows * nClasses * j;
      boolean finite = true;
      for (int i = from; i < from + rows * nClasses && finite; i++) {
        finite = Float.isFinite(l[i]);
      }
      if (!finite) { // a diverged member passes no gradient, so none of its NaN reaches the others through dh
        java.util.Arrays.fill(l, from, from + rows * nClasses, 0f);
        continue;
      }
      for (int i = 0; i < rows; i++) {
        softmax(l, rows, j, i, p);
        for (int k = 0; k < nClasses; k++) {
          l[i + rows * (nClasses * j + k)] = (float) ((p[k] - (k == labels[i] ? 1 : 0)) / rows);
        }
      }
    }
    cur.dLogitsNio.put(0, l, 0, rows * outs);
  }

  /**
   * Softmax of member {@code j}'s logits for row {@code i} of a column-major {@code [rows, nClasses * members]}
   * array into {@code p}; returns the most probable class.
   */
  private int softmax(float[] l, int rows, int j, int i, double[] p) {
    int base = i + rows * nClasses * j;
    int best = 0;
    float max = l[base];
    for (int k = 1; k < nClasses; k++) {
      if (l[base + rows * k] > max) {
        max = l[base + rows * k];
        best = k;
      }
    }
    double sum = 0;
    for (int k = 0; k < nClasses; k++) {
      p[k] = Math.exp(l[base + rows * k] - max);
      sum += p[k];
    }
    for (int k = 0; k < nClasses; k++) {
      p[k] /= sum;
    }
    return best;
  }

  /** The member index of pack head {@code head}, or -1. */
  int memberOf(int head) {
    for (int j = 0; j < members.size(); j++) {
      if (members.get(j).head() == head) {
        return j;
      }
    }
    return -1;
  }

  Member member(int j) {
    return members.get(j);
  }
}
