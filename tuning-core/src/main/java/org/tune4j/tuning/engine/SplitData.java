package org.tune4j.tuning.engine;

import java.util.Objects;
import org.tune4j.resampling.InitialSplit;

/**
 * A training/test split together with the data it indexes: what {@code Tune.lastFit} takes. The
 * split is row indices; the engine comes from the data and the final spec.
 */
public interface SplitData {
  /** The rows the split indexes. */
  ModelData data();

  /** Rows to fit the final model on. */
  int[] training();

  /** Held-out rows to score it on. */
  int[] testing();

  /**
   * {@code split} of {@code data} (rsample's {@code initial_split}, say).
   *
   * @throws IllegalArgumentException when the split was made for another number of rows
   */
  static SplitData of(ModelData data, InitialSplit split) {
    Objects.requireNonNull(data, "data");
    if (split.nRows() != data.size()) {
      throw new IllegalArgumentException("the split indexes " + split.nRows() + " rows but the data has "
          + data.size() + "; make the split from this data");
    }
    int[] training = split.training();
    int[] testing = split.testing();
    return new SplitData() {
      @Override
      public ModelData data() {
        return data;
      }

      @Override
      public int[] training() {
        return training.clone();
      }

      @Override
      public int[] testing() {
        return testing.clone();
      }
    };
  }
}
