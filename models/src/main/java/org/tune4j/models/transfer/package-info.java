/**
 * Transfer-learning models: a backbone plus a trainable head
 * ({@link org.tune4j.models.transfer.TransferModel}), the featurizer that runs a frozen backbone
 * once, and the fitted model that predicts; and the plain path for models that cannot be cut
 * (a trainable backbone): {@link org.tune4j.models.transfer.WholeGraphTrainer} trains the whole
 * DL4J graph on the images and returns a {@link org.tune4j.models.transfer.FittedWholeGraph}.
 */
package org.tune4j.models.transfer;
