/**
 * Trainable classification heads on top of a frozen backbone: their description
 * ({@link org.tune4j.models.head.HeadSpec}, {@link org.tune4j.models.head.FitSpec}), the reference
 * DL4J trainer, per-epoch metrics and predictions.
 */
package org.tune4j.models.head;
