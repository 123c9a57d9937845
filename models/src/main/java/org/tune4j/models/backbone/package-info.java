/**
 * Frozen image backbones: Keras-compatible ResNet topologies (the {@link org.tune4j.models.zoo.BackboneFamily}
 * ResNet50, ResNet101, ResNet152 and their V2s, or a custom {@link org.tune4j.models.backbone.ResNetArchitecture})
 * built as DL4J graphs with Keras' layer names, and their inference-only
 * {@link org.tune4j.models.backbone.BackboneNetwork}.
 */
package org.tune4j.models.backbone;
