package org.tune4j.models.fused;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The stem of a fused ResNet: {@code conv1} (7×7, stride 2, padding 3), then {@code pool1} (max 3×3,
 * stride 2 over a one-pixel zero border). In v1 the stem ends in a ReLU, so the pool's own padding
 * (which never wins a max of non-negative values) stands in for the zero border; v2's stem output can
 * be negative, so it gets a real zero border, as Keras' {@code pool1_pad} gives it. Immutable; see
 * {@link FusedStep} for threads.
 */
final class FusedStem implements FusedStep {
  private final FusedConv conv;
  private final boolean zeroBorder;
  private final Pooling2DConfig pool;

  /**
   * @param conv {@code conv1}, with {@code conv1_bn} and the ReLU folded in (v1) or alone (v2)
   * @param zeroBorder whether the pool's border is padded with zeros first (v2)
   */
  FusedStem(FusedConv conv, boolean zeroBorder) {
    this.conv = conv;
    this.zeroBorder = zeroBorder;
    int pad = zeroBorder ? 0 : 1;
    this.pool = Pooling2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(pad).pW(pad).dH(1).dW(1)
        .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(true).build();
  }

  @Override
  public INDArray apply(INDArray x) {
    INDArray y = conv.apply(x);
    if (zeroBorder) {
      INDArray padded = Nd4j.zeros(y.dataType(), y.size(0), y.size(1) + 2, y.size(2) + 2, y.size(3));
      padded.get(NDArrayIndex.all(), NDArrayIndex.interval(1, y.size(1) + 1), NDArrayIndex.interval(1, y.size(2) + 1),
          NDArrayIndex.all()).assign(y);
      y = padded;
    }
    return Nd4j.exec(new MaxPooling2D(y, pool))[0];
  }
}
