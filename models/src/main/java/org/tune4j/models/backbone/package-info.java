/**
 * Frozen image backbones: Keras-compatible ResNet topologies built as DL4J graphs with Keras' layer
 * names, and their inference-only {@link org.tune4j.models.backbone.BackboneNetwork}.
 */
package org.tune4j.models.backbone;
