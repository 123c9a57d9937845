package org.tune4j.models.head.fast;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The optimizer step of every active head of a {@link HeadPack} in one pass of plain Java per parameter: read
 * the gradient and the parameter, add L2, update the optimizer state, add weight decay, subtract the update
 * from the parameter. DL4J does the same in three native passes (its updater op, the regularization ops and a
 * subtraction), each over the whole flat vector; one fused pass whose loops the JIT vectorizes is several times
 * faster on the wide first layers, which dominate a pack's parameters. The formulas are those of DL4J's native
 * ops, in float, so each head gets exactly its own update (within float rounding); stopped heads are left out,
 * their parameters and state untouched.
 *
 * <p>The optimizer state lives on the Java heap in chunks of {@link #CHUNK} elements aligned with the flat
 * vector, so the inner loops index gradient, parameter and state at the same position. The step runs on up to
 * ND4J's thread count ({@code Nd4j.getEnvironment().maxThreads()}, which the tuning engine divides between
 * parallel fits), splitting the work by element count, on helper threads of its own that {@link #close()} stops
 * when training ends (no pool outlives a fit). Not thread-safe: one step at a time.
 */
final class FusedUpdater {
  /** Elements per state chunk (and per scratch array). */
  static final int CHUNK = 8192;
  private ExecutorService pool;
  private final List<HeadUpdater> heads;
  private final FloatBuffer params;
  private final FloatBuffer grads;
  private final float[][] state1;
  private final float[][] state2;
  private final int threads;
  private final List<Part> parts = new ArrayList<>();
  private final float[][] coefficients;
  private boolean[] partsFor;

  /** A stretch {@code [from, to)} of chunk {@code chunk} belonging to one head, all weights or all not. */
  private record Piece(int chunk, int from, int to, int head, boolean weight) {}

  /** The pieces one thread updates, with its scratch arrays. */
  private record Part(List<Piece> pieces, float[] g, float[] p) {}

  /**
   * @param params the pack's flat parameter vector (an own float array)
   * @param grads the pack's flat gradient vector, same length, batch-averaged when {@link #apply} runs
   * @param heads each head's settings and segments
   * @param threads how many threads a step may use, at least 1
   */
  FusedUpdater(INDArray params, INDArray grads, List<HeadUpdater> heads, int threads) {
    long n = params.length();
    if (n > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("the heads trained together have " + n + " parameters, more than the "
          + Integer.MAX_VALUE / 4 + " one pack holds; train fewer candidates at once");
    }
    this.heads = heads;
    this.params = Bufs.floats(params);
    this.grads = Bufs.floats(grads);
    int chunks = (int) ((n + CHUNK - 1) / CHUNK);
    this.state1 = new float[chunks][];
    this.state2 = new float[chunks][];
    this.threads = Math.max(1, threads);
    this.coefficients = new float[heads.size()][];
    for (HeadUpdater h : heads) {
      for (long[] s : h.segments()) {
        for (long i = s[0]; i < s[0] + s[1]; i++) {
          int c = (int) (i / CHUNK);
          if (state1[c] == null) {
            state1[c] = new float[CHUNK];
            state2[c] = new float[CHUNK];
          }
          state1[c][(int) (i % CHUNK)] = h.initialState1();
        }
      }
    }
  }

  /** Turns every active head's batch-averaged gradient into its update and subtracts it from its parameters. */
  void apply(int iteration, boolean[] active) {
    if (!Arrays.equals(active, partsFor)) {
      buildParts(active);
    }
    for (int h = 0; h < heads.size(); h++) {
      coefficients[h] = active[h] ? coefficients(heads.get(h), iteration) : null;
    }
    if (parts.size() == 1) {
      run(parts.get(0));
      return;
    }
    List<Future<?>> others = new ArrayList<>();
    for (int t = 1; t < parts.size(); t++) {
      Part part = parts.get(t);
      others.add(pool().submit(() -> run(part)));
    }
    run(parts.get(0));
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during an optimizer step", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("an optimizer step failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /** The helper threads of this updater's steps, started on the first step that splits. */
  private ExecutorService pool() {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
        Thread t = new Thread(r, "tune4j-head-updater");
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }

  /** Stops the helper threads (training is over); a later step starts new ones. */
  void close() {
    if (pool != null) {
      pool.shutdown();
      pool = null;
    }
  }

  /**
   * The step's constants for one head, as DL4J's native ops compute them: {@code [l2, lr * wd, rule constants...]}.
   */
  private static float[] coefficients(HeadUpdater h, int iteration) {
    IUpdater config = h.config();
    double lr = config.getLearningRate(iteration, 0);
    float l2 = (float) h.l2();
    float decay = (float) (h.weightDecay() * lr);
    switch (h.rule()) {
      case ADAM: {
        Adam a = (Adam) config;
        float beta1 = (float) a.getBeta1();
        float beta2 = (float) a.getBeta2();
        float epsilon = a.getEpsilon() == 0 ? 1e-7f : (float) a.getEpsilon();
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float epsilonT = (float) ((float) lr * Math.sqrt(1. - beta2T) / (1.0 - beta1T));
        if (Float.isNaN(epsilonT) || Float.isInfinite(epsilonT) || epsilonT == 0) {
          epsilonT = epsilon;
        }
        return new float[] {l2, decay, beta1, 1 - beta1, beta2, 1 - beta2, epsilonT, epsilon};
      }
      case NESTEROVS: {
        float momentum = (float) ((Nesterovs) config).currentMomentum(iteration, 0);
        return new float[] {l2, decay, momentum, (float) lr, -momentum - 1};
      }
      case RMSPROP: {
        RmsProp r = (RmsProp) config;
        float rmsDecay = (float) r.getRmsDecay();
        return new float[] {l2, decay, rmsDecay, 1 - rmsDecay, (float) lr, (float) r.getEpsilon()};
      }
      default:
        return new float[] {l2, decay, (float) lr};
    }
  }

  private void run(Part part) {
    float[] g = part.g();
    float[] p = part.p();
    for (Piece piece : part.pieces()) {
      int base = piece.chunk() * CHUNK;
      int from = piece.from();
      int to = piece.to();
      int n = to - from;
      grads.get(base + from, g, from, n);
      params.get(base + from, p, from, n);
      float[] k = coefficients[piece.head()];
      float l2 = piece.weight() ? k[0] : 0f;
      float decay = piece.weight() ? k[1] : 0f;
      float[] s1 = state1[piece.chunk()];
      float[] s2 = state2[piece.chunk()];
      switch (heads.get(piece.head()).rule()) {
        case ADAM -> adam(p, g, s1, s2, from, to, l2, decay, k);
        case NESTEROVS -> nesterovs(p, g, s1, from, to, l2, decay, k);
        case RMSPROP -> rmsProp(p, g, s1, from, to, l2, decay, k);
        default -> sgd(p, g, from, to, l2, decay, k[2]);
      }
      params.put(base + from, p, from, n);
    }
  }

  // The loops below index every array at the same position, so the JIT vectorizes them.

  private static void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float l2, float decay,
      float[] k) {
    float beta1 = k[2];
    float oneMinusBeta1 = k[3];
    float beta2 = k[4];
    float oneMinusBeta2 = k[5];
    float epsilonT = k[6];
    float epsilon = k[7];
    for (int i = from; i < to; i++) {
      float w = p[i];
      float gi = g[i] + l2 * w;
      float mi = beta1 * m[i] + gi * oneMinusBeta1;
      float vi = beta2 * v[i] + gi * gi * oneMinusBeta2;
      m[i] = mi;
      v[i] = vi;
      p[i] = w - ((mi * epsilonT) / ((float) Math.sqrt(vi) + epsilon) + decay * w);
    }
  }

  private static void nesterovs(float[] p, float[] g, float[] s, int from, int to, float l2, float decay,
      float[] k) {
    float momentum = k[2];
    float lr = k[3];
    float momentumT = k[4];
    for (int i = from; i < to; i++) {
      float w = p[i];
      float gi = g[i] + l2 * w;
      float prev = momentum * s[i];
      float si = prev - lr * gi;
      s[i] = si;
      p[i] = w - (prev + momentumT * si + decay * w);
    }
  }

  private static void rmsProp(float[] p, float[] g, float[] s, int from, int to, float l2, float decay,
      float[] k) {
    float rmsDecay = k[2];
    float oneMinusDecay = k[3];
    float lr = k[4];
    float epsilon = k[5];
    for (int i = from; i < to; i++) {
      float w = p[i];
      float gi = g[i] + l2 * w;
      float si = s[i] * rmsDecay + gi * gi * oneMinusDecay;
      s[i] = si;
      p[i] = w - ((lr * gi) / ((float) Math.sqrt(si) + epsilon) + decay * w);
    }
  }

  private static void sgd(float[] p, float[] g, int from, int to, float l2, float decay, float lr) {
    for (int i = from; i < to; i++) {
      float w = p[i];
      p[i] = w - (lr * (g[i] + l2 * w) + decay * w);
    }
  }

  /** Cuts the active heads' segments at chunk and weight boundaries and deals them to threads by element count. */
  private void buildParts(boolean[] active) {
    List<Piece> pieces = new ArrayList<>();
    long total = 0;
    for (int h = 0; h < heads.size(); h++) {
      if (!active[h]) {
        continue;
      }
      HeadUpdater head = heads.get(h);
      for (long[] s : head.segments()) {
        List<Long> cuts = head.weightBoundaries(s[0], s[0] + s[1]);
        for (long c = (s[0] / CHUNK + 1) * CHUNK; c < s[0] + s[1]; c += CHUNK) {
          cuts.add(c);
        }
        cuts.add(s[0] + s[1]);
        cuts.sort(Comparator.naturalOrder());
        long from = s[0];
        for (long to : cuts) {
          if (to > from) {
            int chunk = (int) (from / CHUNK);
            pieces.add(new Piece(chunk, (int) (from - (long) chunk * CHUNK), (int) (to - (long) chunk * CHUNK), h,
                head.isWeight(from)));
            total += to - from;
            from = to;
          }
        }
      }
    }
    pieces.sort(Comparator.comparingLong(p -> (long) p.chunk() * CHUNK + p.from()));
    parts.clear();
    long perThread = Math.max(1, (total + threads - 1) / threads);
    List<Piece> current = new ArrayList<>();
    long inCurrent = 0;
    for (Piece piece : pieces) {
      current.add(piece);
      inCurrent += piece.to() - piece.from();
      if (inCurrent >= perThread && parts.size() < threads - 1) {
        parts.add(new Part(current, new float[CHUNK], new float[CHUNK]));
        current = new ArrayList<>();
        inCurrent = 0;
      }
    }
    parts.add(new Part(current, new float[CHUNK], new float[CHUNK]));
    partsFor = active.clone();
  }
}
