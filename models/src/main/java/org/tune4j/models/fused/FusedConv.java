package org.tune4j.models.fused;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One convolution of the fused plan, usually with its BatchNorm folded in: a constant NHWC
 * convolution whose weights are {@code W·γ/√(σ²+ε)} and whose bias is {@code (b−μ)·γ/√(σ²+ε)+β}
 * ({@link #fold}), or the convolution as it is when no BatchNorm follows it ({@link #plain}),
 * optionally followed by an in-place ReLU. Immutable after construction; {@link #apply} is not thread-safe
 * only in that ND4J ops share the calling thread's workspace.
 */
final class FusedConv {
  private final INDArray weights; // [kh, kw, in, out] (YXIO)
  private final INDArray bias;    // [out]
  private final Conv2DConfig config;
  private final boolean relu;
  /** For 1×1 kernels: the weights as a [in, out] matrix; for 3×3 "same" kernels: the centre tap. */
  private final INDArray matrix;
  /** For a "same" kernel on a map of a few pixels: the whole convolution as one [h·w·in, h·w·out] matrix. */
  private final INDArray dense;
  private final INDArray denseBias;
  private final long denseH;
  private final long denseW;

  private FusedConv(INDArray weights, INDArray bias, Conv2DConfig config, boolean relu, long mapH, long mapW) {
    this.weights = weights;
    this.bias = bias;
    this.config = config;
    this.relu = relu;
    boolean small = mapH * mapW > 1 && mapH * mapW <= DENSE_MAX_PIXELS && weights.size(0) > 1
        && config.getSH() == 1 && config.getPH() == weights.size(0) / 2;
    this.denseH = small ? mapH : 0;
    this.denseW = small ? mapW : 0;
    this.dense = small ? denseMatrix(weights, mapH, mapW) : null;
    this.denseBias = small ? Nd4j.tile(bias.reshape(1, -1), 1, (int) (mapH * mapW)).reshape(-1) : null;
    long kh = weights.size(0);
    long kw = weights.size(1);
    long center = kh / 2;
    this.matrix = weights.get(NDArrayIndex.point(kh == 1 ? 0 : center), NDArrayIndex.point(kw == 1 ? 0 : center),
        NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
  }

  /**
   * Folds layer {@code bnName} into convolution {@code convName} of {@code graph} (a convolution
   * without a bias counts as bias 0).
   *
   * @param pad explicit zero padding on each side (the stem's {@code conv1_pad} is folded in here)
   */
  static FusedConv fold(ComputationGraph graph, String convName, String bnName, int pad, boolean relu, long mapH,
      long mapW) {
    Layer conv = graph.getLayer(convName);
    Layer bn = graph.getLayer(bnName);
    org.deeplearning4j.nn.conf.layers.BatchNormalization bnConf =
        (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
    INDArray scale = Transforms.sqrt(bn.getParam("var").reshape(-1).add(bnConf.getEps()), false)
        .rdivi(bn.getParam("gamma").reshape(-1));
    INDArray w = kernel(conv);
    long out = w.size(3);
    w.reshape('c', w.length() / out, out).muliRowVector(scale);
    INDArray b = bias(conv, out).sub(bn.getParam("mean").reshape(-1)).muli(scale)
        .addi(bn.getParam("beta").reshape(-1));
    return new FusedConv(w.castTo(DataType.FLOAT), b.castTo(DataType.FLOAT), config(conv, pad), relu, mapH, mapW);
  }

  /**
   * Convolution {@code convName} of {@code graph} as it is, with no BatchNorm after it (ResNet v2's
   * stem and its {@code 0_conv}, {@code 3_conv}).
   *
   * @param pad explicit zero padding on each side
   */
  static FusedConv plain(ComputationGraph graph, String convName, int pad, boolean relu, long mapH, long mapW) {
    Layer conv = graph.getLayer(convName);
    INDArray w = kernel(conv);
    INDArray b = bias(conv, w.size(3)).dup();
    return new FusedConv(w.castTo(DataType.FLOAT), b.castTo(DataType.FLOAT), config(conv, pad), relu, mapH, mapW);
  }

  /** The layer's kernel as a fresh YXIO array: [out, in, kh, kw] → [kh, kw, in, out]. */
  private static INDArray kernel(Layer conv) {
    return conv.getParam("W").permute(2, 3, 1, 0).dup('c');
  }

  /** The layer's bias as a vector, or zeros when it has none. */
  private static INDArray bias(Layer conv, long out) {
    return conv.paramTable().containsKey("b") ? conv.getParam("b").reshape(-1)
        : Nd4j.zeros(conv.getParam("W").dataType(), out);
  }

  /** The NHWC convolution op's configuration of the layer: its kernel and stride, {@code pad} or "same" padding. */
  private static Conv2DConfig config(Layer conv, int pad) {
    ConvolutionLayer conf = (ConvolutionLayer) conv.conf().getLayer();
    int kh = conf.getKernelSize()[0];
    int kw = conf.getKernelSize()[1];
    int padding = conf.getConvolutionMode() == ConvolutionMode.Same ? (kh - 1) / 2 : pad;
    return Conv2DConfig.builder().kH(kh).kW(kw)
        .sH(conf.getStride()[0]).sW(conf.getStride()[1]).pH(padding).pW(padding).dH(1).dW(1)
        .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NHWC).weightsFormat(WeightsFormat.YXIO).build();
  }

  /** Maps of at most this many pixels run a "same" 3×3 convolution as one dense matrix product. */
  static final long DENSE_MAX_PIXELS = 4;

  /** The convolution on an h×w map as a matrix from the flattened NHWC input to the flattened output. */
  private static INDArray denseMatrix(INDArray k, long h, long w) {
    long kh = k.size(0);
    long kw = k.size(1);
    long in = k.size(2);
    long out = k.size(3);
    INDArray m = Nd4j.zeros(DataType.FLOAT, h * w * in, h * w * out);
    for (long yo = 0; yo < h; yo++) {
      for (long xo = 0; xo < w; xo++) {
        for (long yi = 0; yi < h; yi++) {
          for (long xi = 0; xi < w; xi++) {
            long dy = yi - yo + kh / 2;
            long dx = xi - xo + kw / 2;
            if (dy >= 0 && dy < kh && dx >= 0 && dx < kw) {
              m.get(NDArrayIndex.interval((yi * w + xi) * in, (yi * w + xi + 1) * in),
                  NDArrayIndex.interval((yo * w + xo) * out, (yo * w + xo + 1) * out))
                  .assign(k.get(NDArrayIndex.point(dy), NDArrayIndex.point(dx), NDArrayIndex.all(), NDArrayIndex.all()));
            }
          }
        }
      }
    }
    return m;
  }

  /**
   * Convolves NHWC {@code input}; the result is a new array (in the current workspace, if any).
   *
   * <p>Where a convolution is a matrix product it runs as one: 1×1 kernels (after taking every
   * stride-th pixel), and 3×3 "same" kernels on a 1×1 map, where only the centre tap meets data.
   * ND4J's convolution op is several times slower than BLAS on these shapes.
   */
  INDArray apply(INDArray input) {
    INDArray out;
    if (dense != null && input.size(1) == denseH && input.size(2) == denseW) {
      INDArray a = input.reshape('c', input.size(0), denseH * denseW * weights.size(2));
      INDArray o = Nd4j.createUninitialized(DataType.FLOAT, input.size(0), dense.size(1));
      Nd4j.gemm(a, dense, o, false, false, 1.0, 0.0);
      o.addiRowVector(denseBias);
      out = o.reshape('c', input.size(0), denseH, denseW, weights.size(3));
    } else if (weights.size(0) == 1 && weights.size(1) == 1) {
      out = matmul(strided(input));
    } else if (input.size(1) == 1 && input.size(2) == 1 && config.getSH() == 1 && config.getPH() == weights.size(0) / 2
        && config.getPW() == weights.size(1) / 2) {
      out = matmul(input);
    } else {
      out = Nd4j.exec(new Conv2D(input, weights, bias, config))[0];
    }
    return relu ? Transforms.relu(out, false) : out;
  }

  private INDArray strided(INDArray x) {
    long s = config.getSH();
    if (s == 1) {
      return x;
    }
    return x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, s, x.size(1)), NDArrayIndex.interval(0, s, x.size(2)),
        NDArrayIndex.all()).dup('c');
  }

  /** {@code x · W + b} over every pixel: [b, h, w, in] → [b, h, w, out]. */
  private INDArray matmul(INDArray x) {
    long pixels = x.length() / x.size(3);
    INDArray a = x.reshape('c', pixels, x.size(3));
    INDArray out = Nd4j.createUninitialized(DataType.FLOAT, pixels, matrix.size(1));
    Nd4j.gemm(a, matrix, out, false, false, 1.0, 0.0);
    out.addiRowVector(bias);
    return out.reshape('c', x.size(0), x.size(1), x.size(2), matrix.size(1));
  }

  /** Output channels. */
  long outChannels() {
    return weights.size(3);
  }
}
