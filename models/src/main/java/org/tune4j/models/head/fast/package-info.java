/**
 * The fast head trainer: trains {@link org.tune4j.models.head.HeadSpec} heads on cached features
 * with hand-written forward and backward passes over preallocated ND4J arrays, and trains many
 * heads at once over one shared minibatch order, their first dense layers run as one wide matrix
 * product. Equivalent to {@link org.tune4j.models.head.HeadTrainer} (DL4J's {@code MultiLayerNetwork})
 * within float tolerance; {@link org.tune4j.models.head.fast.FastHeadTrainer} is the entry point.
 */
package org.tune4j.models.head.fast;
