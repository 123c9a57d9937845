package org.tune4j.tuning.engine;

import java.util.Objects;
import org.tune4j.resampling.Resamples;

/**
 * Resamples together with the data they index: what {@code Tune.tuneGrid} takes. A plain pairing:
 * the resamples are row indices ({@link Resamples}, from the resampling module) and the engine
 * comes from the data and the spec ({@link ModelData#engine}). Immutable.
 *
 * <pre>{@code
 * ResampledData folds = ResampledData.of(train, Resampling.vfoldCv(Strata.of(train.labels()), 5).seed(42).build());
 * }</pre>
 *
 * @param data the rows
 * @param resamples splits of them, as row indices
 */
public record ResampledData(ModelData data, Resamples resamples) {
  /**
   * Checks that the resamples index the data.
   *
   * @throws IllegalArgumentException when the resamples were made for another number of rows
   */
  public ResampledData {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(resamples, "resamples");
    if (resamples.nRows() != data.size()) {
      throw new IllegalArgumentException("the resamples index " + resamples.nRows() + " rows but the data has "
          + data.size() + "; make the resamples from this data");
    }
  }

  /** {@code resamples} of {@code data} (see the constructor). */
  public static ResampledData of(ModelData data, Resamples resamples) {
    return new ResampledData(data, resamples);
  }

  @Override
  public String toString() {
    return resamples.toString();
  }
}
