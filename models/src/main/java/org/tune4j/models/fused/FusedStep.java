package org.tune4j.models.fused;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a fused plan: NHWC activations in, NHWC activations out (the stem, a residual block,
 * ResNet v2's closing BatchNorm and ReLU). {@link FusedResNet} runs its steps in order. A step may
 * overwrite arrays it made itself but never its input. Immutable once built; {@link #apply} allocates
 * in the calling thread's current workspace.
 */
interface FusedStep {
  /** The step's output for NHWC {@code x} of shape [n, h, w, c]. */
  INDArray apply(INDArray x);
}
