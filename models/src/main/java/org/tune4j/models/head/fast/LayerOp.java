package org.tune4j.models.head.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a fast head: forward and backward over buffers it allocates once per minibatch size.
 * Not thread-safe.
 */
interface LayerOp {
  /** Selects (allocating on first use) the buffers for minibatches of {@code rows} rows. */
  void prepare(int rows);

  /** Forward pass; returns the output (may be {@code in} itself for layers that are identities at inference). */
  INDArray forward(INDArray in, boolean training, int iteration);

  /** Backward pass from the gradient at the output; writes parameter gradients; returns the input gradient or null. */
  INDArray backward(INDArray gradOut, boolean needInputGrad);
}
