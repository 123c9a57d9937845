/**
 * Transfer-learning models: a frozen backbone plus a trainable head
 * ({@link org.tune4j.models.transfer.TransferModel}), the featurizer that runs the frozen part
 * once, and the fitted model that predicts.
 */
package org.tune4j.models.transfer;
