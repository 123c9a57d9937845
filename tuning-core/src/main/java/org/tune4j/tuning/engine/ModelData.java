package org.tune4j.tuning.engine;

import org.tune4j.tuning.spec.TunableSpec;

/**
 * The rows a search fits on: how many, their labels (to stratify resamples by), and the engine that
 * fits a spec's candidates on them. Resamples and splits are row indices into it and nothing more;
 * the engine comes from the spec and the data, never from the resamples. The models module's
 * {@code ImageData} is the one for images (a source of images and the feature store its frozen
 * backbones fill); another kind of data is one more implementation.
 *
 * <pre>{@code
 * ImageData train = ImageData.of(ImageSources.folder(dir, ImageOptions.of(ColorMode.RGB).resize(224, 224)));
 * Resamples folds = Resampling.vfoldCv(Strata.of(train.labels()), 5).seed(42).build();
 * TuneResults res = Tune.tuneGrid(spec, ResampledData.of(train, folds), grid);
 * }</pre>
 */
public interface ModelData {
  /** The number of rows; resamples of this data index 0..size-1. */
  int size();

  /** Each row's class, as an index into the levels. */
  int[] labels();

  /**
   * The engine that fits {@code spec}'s candidates (or the final spec itself) on these rows. Called
   * once per search or last fit; the engine may share work between calls (features, say).
   */
  ModelEngine engine(TunableSpec spec);
}
