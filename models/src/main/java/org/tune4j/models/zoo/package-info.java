/**
 * The pretrained backbones tune4j knows ({@link org.tune4j.models.zoo.BackboneFamily}: Keras' ResNet50,
 * ResNet101, ResNet152 and their V2s): each one's Keras name, residual block
 * ({@link org.tune4j.models.zoo.ResNetVersion}), topology, published ImageNet weights, preprocessing
 * mode and fused-plan support, in one place that the backbone builder, the weights check, the spec
 * blocks and the job reader read. Depends only on {@code org.tune4j.models.data}, so every other
 * package may use it.
 */
package org.tune4j.models.zoo;
