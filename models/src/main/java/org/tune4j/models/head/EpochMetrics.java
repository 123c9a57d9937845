package org.tune4j.models.head;

import java.util.Locale;

/**
 * Loss and accuracy after one epoch, on the training rows and on the validation rows (NaN when
 * there is no validation split). Both are measured after the epoch in inference mode (no dropout),
 * so they are comparable from epoch to epoch.
 *
 * @param epoch 1-based epoch number
 * @param loss mean categorical cross-entropy on the training rows
 * @param accuracy accuracy on the training rows
 * @param valLoss mean categorical cross-entropy on the validation rows, or NaN
 * @param valAccuracy accuracy on the validation rows, or NaN
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy) {

  /** Keras-style log line: {@code Epoch 1/5 - loss: 1.2345 - accuracy: 0.6000 - val_loss: … }. */
  public String format(int epochs) {
    String line = String.format(Locale.ROOT, "Epoch %d/%d - loss: %.4f - accuracy: %.4f", epoch, epochs, loss, accuracy);
    if (!Double.isNaN(valLoss)) {
      line += String.format(Locale.ROOT, " - val_loss: %.4f - val_accuracy: %.4f", valLoss, valAccuracy);
    }
    return line;
  }
}
