package org.tune4j.models.head.fast;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Several heads on the same features, trained in lockstep over one minibatch order, their parameters laid out by
 * {@link PackLayout} in one flat vector (and their gradients in another of the same layout). A step: one GEMM
 * computes the first dense layers of all heads over the shared minibatch, the {@link ShallowHeads} groups and
 * each other head's {@link HeadNet} carry on forward and back, one more GEMM gives the first layers' weight
 * gradients, and the optimizer step of all heads is one fused pass over both vectors ({@link FusedUpdater}). The
 * output layers divide their gradient by the batch size, so every gradient arrives batch-averaged. Buffers are
 * allocated once per minibatch size. Not thread-safe.
 */
final class HeadPack {
  /** Rows per chunk when evaluating or predicting. */
  static final int EVAL_ROWS = 256;
  private final INDArray features;
  private final INDArray oneHot;
  private final FloatBuffer featureValues;
  private final FloatBuffer oneHotValues;
  private float[] gathered = new float[0];
  private final int nIn;
  private final int nClasses;
  private final int total;
  private final INDArray params;
  private final INDArray wideWT; // the wide weights' memory seen as row-major [total, nIn]: faster GEMMs
  private final INDArray wideDwT;
  private final INDArray wideBRow;
  private final INDArray wideDbColumn;
  private final List<HeadNet> heads; // null for the shallow heads
  private final List<ShallowHeads> shallow;
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
    PackLayout layout = new PackLayout(nIn, nClasses, candidates, masks,
        r -> new INDArray[] {sets.get(r)[2], sets.get(r)[3]});
    this.total = layout.total();
    this.params = layout.params();
    INDArray grads = layout.grads();
    this.wideWT = Bufs.seg(params, 0, (long) nIn * total).reshape('c', total, nIn);
    this.wideDwT = Bufs.seg(grads, 0, (long) nIn * total).reshape('c', total, nIn);
    this.wideBRow = total > 0 ? Bufs.row(Bufs.seg(params, (long) nIn * total, total)) : null;
    this.wideDbColumn = total > 0 ? Bufs.column(Bufs.seg(grads, (long) nIn * total, total)) : null;
    this.heads = layout.nets();
    this.shallow = layout.shallow();
    this.layouts = layout.layouts();
    this.updater = new FusedUpdater(params, grads, layout.updaters(), Nd4j.getEnvironment().maxThreads());
  }

  int nIn() {
    return nIn;
  }

  /** Training is over: the optimizer's helper threads stop; the pack still predicts. */
  void endTraining() {
    updater.close();
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
      block.prepare(rows, Bufs.columns(zw, block.firstColumn(), block.width()),
          Bufs.columns(dzw, block.firstColumn(), block.width()));
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
  private void gather(FloatBuffer from, int width, int[] rows, INDArray to) {
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

  /**
   * Inference-mode loss (mean cross-entropy, probabilities clipped to {@code [eps, 1 - eps]}) and accuracy of every
   * active head on {@code rows}: {@code [head][loss, accuracy]}.
   */
  double[][] evaluate(int[] rows, boolean[] active, double eps) {
    double[][] sums = new double[heads.size()][2];
    for (int from = 0; from < rows.length; from += EVAL_ROWS) {
      int[] chunk = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + EVAL_ROWS));
      load(chunk, features, false);
      wideForward();
      int[] truth = labelsOf(chunk);
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
