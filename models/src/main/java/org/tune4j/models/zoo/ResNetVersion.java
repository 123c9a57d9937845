package org.tune4j.models.zoo;

import java.util.Locale;

/**
 * Which residual block a Keras ResNet stacks: the post-activation bottleneck of ResNet v1
 * ({@code keras.applications.resnet}, Keras' {@code block1}/{@code stack1}) or the pre-activation
 * bottleneck of ResNet v2 ({@code keras.applications.resnet_v2}, Keras' {@code block2}/{@code stack2}).
 *
 * <ul>
 *   <li>{@link #V1}: stem {@code conv1_conv} + {@code conv1_bn} + {@code conv1_relu}; each block
 *       {@code 1_conv, 1_bn, 1_relu, 2_conv, 2_bn, 2_relu, 3_conv, 3_bn, add, out} with a
 *       {@code 0_conv}/{@code 0_bn} shortcut on block 1, which also carries the stage's stride
 *       (stages 3, 4, …). Every convolution has a bias.
 *   <li>{@link #V2}: stem {@code conv1_conv} only (biased, no BatchNorm); each block starts with
 *       {@code preact_bn} + {@code preact_relu}, then {@code 1_conv, 1_bn, 1_relu, 2_pad, 2_conv,
 *       2_bn, 2_relu, 3_conv, out} ({@code 1_conv} and {@code 2_conv} without bias); block 1 has a
 *       {@code 0_conv} shortcut of the pre-activation, the other blocks the raw input; the
 *       <em>last</em> block of every stage but the last has stride 2 (in {@code 2_conv}, the
 *       shortcut a 1×1 max-pool of stride 2). After the last stage {@code post_bn} +
 *       {@code post_relu}. A stage needs at least two blocks.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ResNetVersion v = BackboneFamily.RESNET50V2.version();   // V2
 * }</pre>
 */
public enum ResNetVersion {
  /** ResNet v1: post-activation bottleneck blocks (ResNet50, ResNet101, ResNet152). */
  V1,
  /** ResNet v2: pre-activation bottleneck blocks (ResNet50V2, ResNet101V2, ResNet152V2). */
  V2;

  /** The lower-case label, {@code v1} or {@code v2}: in logs and the feature cache's key. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
