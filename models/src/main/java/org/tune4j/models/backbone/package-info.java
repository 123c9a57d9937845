/**
 * Frozen image backbones: Keras-compatible ResNet topologies (the {@link org.tune4j.models.zoo.BackboneFamily}
 * ResNet50, ResNet101 and ResNet152, or a custom {@link org.tune4j.models.backbone.ResNetArchitecture})
 * built as DL4J graphs with Keras' layer names, and their inference-only
 * {@link org.tune4j.models.backbone.BackboneNetwork}.
 */
package org.tune4j.models.backbone;
