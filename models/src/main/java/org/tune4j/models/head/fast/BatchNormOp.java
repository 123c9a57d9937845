package org.tune4j.models.head.fast;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization as DL4J's {@code BatchNormalization} with {@code decay(0.99).eps(1e-3).useLogStd(false)}:
 * training normalizes with the batch mean and biased batch variance, {@code std = sqrt(var + eps)}, and moves
 * the stored statistics as DL4J does, {@code global -= (global - batch) * (1 - decay)}; inference uses the stored
 * statistics. Parameters {@code gamma, beta, mean, var} are views into the flat parameter vector in DL4J's order.
 * Not thread-safe.
 */
final class BatchNormOp implements LayerOp {
  static final double DECAY = 0.99;
  static final double EPS = 1e-3;
  private final int width;
  private final INDArray gamma;
  private final INDArray beta;
  private final INDArray mean;
  private final INDArray var;
  private final INDArray dGamma;
  private final INDArray dBeta;
  private final INDArray bMean;
  private final INDArray bVar;
  private final INDArray std;
  private final INDArray t1;
  private final INDArray t2;
  private final Map<Integer, INDArray[]> sets = new HashMap<>();
  private INDArray xmu;
  private INDArray xhat;
  private INDArray out;
  private INDArray tmp;
  private INDArray dIn;

  /** {@code params}: gamma, beta, mean, var; {@code grads}: dGamma, dBeta. */
  BatchNormOp(int width, INDArray[] params, INDArray[] grads) {
    this.width = width;
    this.gamma = params[0];
    this.beta = params[1];
    this.mean = params[2];
    this.var = params[3];
    this.dGamma = grads[0];
    this.dBeta = grads[1];
    this.bMean = Bufs.vec(width);
    this.bVar = Bufs.vec(width);
    this.std = Bufs.vec(width);
    this.t1 = Bufs.vec(width);
    this.t2 = Bufs.vec(width);
  }

  @Override
  public void prepare(int rows) {
    INDArray[] s = sets.computeIfAbsent(rows, r -> new INDArray[] {Bufs.f(r, width), Bufs.f(r, width),
        Bufs.f(r, width), Bufs.f(r, width), Bufs.f(r, width)});
    xmu = s[0];
    xhat = s[1];
    out = s[2];
    tmp = s[3];
    dIn = s[4];
  }

  @Override
  public INDArray forward(INDArray in, boolean training, int iteration) {
    INDArray m = mean;
    INDArray v = var;
    if (training) {
      in.mean(bMean, 0);
      Nd4j.getExecutioner().exec(new BroadcastSubOp(in, bMean, xmu, 1));
      xmu.mul(xmu, tmp);
      tmp.mean(bVar, 0);
      m = bMean;
      v = bVar;
    } else {
      Nd4j.getExecutioner().exec(new BroadcastSubOp(in, m, xmu, 1));
    }
    v.addi(EPS, std);
    Transforms.sqrt(std, false);
    Nd4j.getExecutioner().exec(new BroadcastDivOp(xmu, std, xhat, 1));
    Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, gamma, out, 1));
    out.addiRowVector(beta);
    if (training) {
      moveTowards(mean, bMean);
      moveTowards(var, bVar);
    }
    return out;
  }

  private void moveTowards(INDArray global, INDArray batch) {
    global.sub(batch, t1);
    t1.muli(1 - DECAY);
    global.subi(t1);
  }

  @Override
  public INDArray backward(INDArray g, boolean needInputGrad) {
    g.mul(xhat, dIn);
    dIn.sum(dGamma, 0);
    g.sum(dBeta, 0);
    if (!needInputGrad) {
      return null;
    }
    // dx = (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)) / std, with dxhat = g * gamma
    Nd4j.getExecutioner().exec(new BroadcastMulOp(g, gamma, tmp, 1));
    tmp.mean(t1, 0);
    tmp.mul(xhat, dIn);
    dIn.mean(t2, 0);
    Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, t2, dIn, 1));
    tmp.subi(dIn);
    tmp.subiRowVector(t1);
    Nd4j.getExecutioner().exec(new BroadcastDivOp(tmp, std, dIn, 1));
    return dIn;
  }
}
