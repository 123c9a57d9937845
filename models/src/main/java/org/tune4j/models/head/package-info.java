/**
 * Trainable classification heads on top of a frozen backbone: their description
 * ({@link org.tune4j.models.head.HeadSpec}, {@link org.tune4j.models.head.FitSpec} with its
 * {@link org.tune4j.models.head.OptimizerOptions}), early stopping
 * ({@link org.tune4j.models.head.EarlyStopping}), the reference DL4J trainer, per-epoch metrics and
 * predictions.
 */
package org.tune4j.models.head;
