package org.tune4j.tuning.engine;

import org.tune4j.resampling.Resamples;

/**
 * Resamples together with the data they index: what {@code Tune.tuneGrid} takes. The models
 * module makes these for images (e.g. {@code ImageResamples.vfoldCv(train, 5, seed)}).
 */
public interface ResampledData {
  /** The engine bound to the data. */
  ModelEngine engine();

  /** The splits, as row indices into the engine's data. */
  Resamples resamples();
}
