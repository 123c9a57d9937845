package org.tune4j.models.data;

import java.util.Objects;

/**
 * A training set and a test set with the same image size and levels.
 *
 * @param train the rows to fit (and resample) on
 * @param test the held-out rows to score the final model on
 */
public record TrainTest(ImageSet train, ImageSet test) {
  /** Checks that both sets exist and agree on image size, channels and levels. */
  public TrainTest {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (train.height() != test.height() || train.width() != test.width() || train.channels() != test.channels()) {
      throw new IllegalArgumentException("train images are " + train.channels() + "×" + train.height() + "×"
          + train.width() + " but test images are " + test.channels() + "×" + test.height() + "×" + test.width()
          + "; resize one to match");
    }
    if (!train.levels().equals(test.levels())) {
      throw new IllegalArgumentException("train levels " + train.levels() + " differ from test levels " + test.levels());
    }
  }
}
