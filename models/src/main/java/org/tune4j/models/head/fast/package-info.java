/**
 * The fast head trainer: trains {@link org.tune4j.models.head.HeadSpec} heads on cached features
 * with hand-written forward and backward passes over preallocated ND4J arrays, and trains many
 * heads at once over one shared minibatch order: their first dense layers run as one wide matrix
 * product ({@link org.tune4j.models.head.fast.HeadPack}), heads of the usual dense-dropout-softmax
 * shape are computed a group at a time ({@link org.tune4j.models.head.fast.ShallowHeads}), and the
 * optimizer step of all heads is one pass in Java ({@link org.tune4j.models.head.fast.FusedUpdater}).
 * Equivalent to {@link org.tune4j.models.head.HeadTrainer} (DL4J's {@code MultiLayerNetwork})
 * within float tolerance; {@link org.tune4j.models.head.fast.FastHeadTrainer} is the entry point.
 */
package org.tune4j.models.head.fast;
