/**
 * The fused inference plan for frozen backbones: BatchNorm folded into convolutions, ReLU fused,
 * NHWC activations through ND4J's oneDNN operations in a reused workspace
 * ({@link org.tune4j.models.fused.FusedResNet}).
 */
package org.tune4j.models.fused;
