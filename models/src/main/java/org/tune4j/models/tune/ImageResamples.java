package org.tune4j.models.tune;

import java.util.Objects;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.ResampledData;

/**
 * Resamples of a set of images, ready for {@code Tune.tuneGrid}: the splits plus an engine that
 * featurizes each image once per frozen backbone and trains heads on the features.
 *
 * <pre>{@code
 * ImageResamples folds = ImageResamples.vfoldCv(train, 5, 42);     // stratified by label
 * TuneResults res = Tune.tuneGrid(spec, folds, grid);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ImageResamples implements ResampledData {
  private final ImageSource data;
  private final Resamples resamples;
  private final TransferEngine engine;

  ImageResamples(ImageSource data, Resamples resamples, TransferEngine engine) {
    this.data = data;
    this.resamples = resamples;
    this.engine = engine;
  }

  /**
   * The given resamples of {@code data}.
   *
   * @throws IllegalArgumentException when the resamples were made for another number of rows
   */
  public static ImageResamples of(ImageSet data, Resamples resamples) {
    return of(ImageSources.of(Objects.requireNonNull(data, "data")), resamples);
  }

  /**
   * The given resamples of a source (read a chunk at a time when featurizing).
   *
   * @throws IllegalArgumentException when the resamples were made for another number of rows
   */
  public static ImageResamples of(ImageSource data, Resamples resamples) {
    Objects.requireNonNull(data, "data");
    if (resamples.nRows() != data.size()) {
      throw new IllegalArgumentException("the resamples index " + resamples.nRows() + " rows but the images number "
          + data.size() + "; make the resamples from these images");
    }
    return new ImageResamples(data, resamples, new TransferEngine(new FeatureStore(data), identity(data.size())));
  }

  /** These resamples with features also kept on disk in {@code cache} (see {@link FeatureCache}). */
  public ImageResamples withFeatureCache(FeatureCache cache) {
    return new ImageResamples(data, resamples, new TransferEngine(new FeatureStore(data).withCache(cache),
        identity(data.size())));
  }

  /** {@code v}-fold cross-validation stratified by label (balanced folds), seeded. */
  public static ImageResamples vfoldCv(ImageSet data, int v, long seed) {
    return vfoldCv(ImageSources.of(data), v, seed);
  }

  /** {@code v}-fold cross-validation of a source, stratified by label (balanced folds), seeded. */
  public static ImageResamples vfoldCv(ImageSource data, int v, long seed) {
    return of(data, Resampling.vfoldCv(Strata.of(data.labels()), v).seed(seed).build());
  }

  /** The images as a source. */
  public ImageSource source() {
    return data;
  }

  /** The images, read into memory (for small data). */
  public ImageSet data() {
    return ImageSources.toImageSet(data);
  }

  @Override
  public Resamples resamples() {
    return resamples;
  }

  @Override
  public ModelEngine engine() {
    return engine;
  }

  @Override
  public String toString() {
    return resamples.toString();
  }

  static int[] identity(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
