/**
 * The fused inference plan for frozen backbones: BatchNorm folded into convolutions, ReLU fused,
 * NHWC activations through ND4J's oneDNN operations in a reused workspace
 * ({@link org.tune4j.models.fused.FusedResNet}), for ResNet v1 and v2 blocks alike: one small step
 * class per block version behind a package-private step interface.
 */
package org.tune4j.models.fused;
