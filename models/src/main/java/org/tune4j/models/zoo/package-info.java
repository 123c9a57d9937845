/**
 * The pretrained backbones tune4j knows ({@link org.tune4j.models.zoo.BackboneFamily}): each one's
 * Keras name, topology, published ImageNet weights, preprocessing mode and fused-plan support, in
 * one place that the backbone builder, the weights check, the spec blocks and the job reader read.
 * Depends only on {@code org.tune4j.models.data}, so every other package may use it.
 */
package org.tune4j.models.zoo;
