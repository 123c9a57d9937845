package org.tune4j.models.tune;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.LoggerFactory;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.source.SourceRecipe;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;
import org.tune4j.tuning.engine.ModelData;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.ResampledData;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * Images to tune on: rows of an {@link ImageSource} (of any size, read a chunk at a time) and the
 * feature store its frozen backbones fill, each image featurized once per backbone whatever the
 * number of candidates, resamples and last fits. Resamples of it are plain row indices; the engine
 * that fits a spec comes from here ({@link #engine}). Views of some rows ({@link #rows}) share the
 * store, so the folds of a training set and its last fit featurize each image once in all.
 *
 * <pre>{@code
 * ImageData train = ImageData.of(ImageSources.folder(dir, ImageOptions.of(ColorMode.RGB).resize(224, 224)))
 *     .withFeatureCache(FeatureCache.at(Path.of("feature-cache")));
 * TuneResults res = Tune.tuneGrid(spec, train.vfoldCv(5, 42), grid);
 * // any resampling of the rows: Tune.tuneGrid(spec, train.resamples(Resampling.bootstraps(train.size(), 25, 1)), grid)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ImageData implements ModelData {
  private final FeatureStore store;
  private final int[] rows;
  private final Consumer<String> warnings;

  ImageData(FeatureStore store, int[] rows, Consumer<String> warnings) {
    this.store = store;
    this.rows = rows.clone();
    this.warnings = warnings;
  }

  /** Every image of {@code source}, with features kept in memory (see {@link #withFeatureCache}). */
  public static ImageData of(ImageSource source) {
    Objects.requireNonNull(source, "source");
    return new ImageData(new FeatureStore(source), identity(source.size()),
        LoggerFactory.getLogger(ImageData.class)::warn);
  }

  /** Images already in memory. */
  public static ImageData of(ImageSet images) {
    return of(ImageSources.of(Objects.requireNonNull(images, "images")));
  }

  /**
   * These rows with features also kept on disk in {@code cache} (see {@link FeatureCache}): a later
   * run on the same images with the same backbone reads them instead of running the backbone. A new
   * store: views made before share the old one.
   */
  public ImageData withFeatureCache(FeatureCache cache) {
    return new ImageData(store.withCache(Objects.requireNonNull(cache, "cache")), rows, warnings);
  }

  /**
   * These rows, whose images {@code recipe} opens again on another machine (the same images in the same order as
   * the whole source behind them): what lets a cluster executor (tune4j-spark) featurize and fit on its workers.
   * The workers need a feature cache too, in a folder every one of them sees ({@link #withFeatureCache}). A new
   * store: views made before share the old one.
   */
  public ImageData withRecipe(SourceRecipe recipe) {
    return new ImageData(store.withRecipe(Objects.requireNonNull(recipe, "recipe")), rows, warnings);
  }

  /**
   * The view of rows {@code subset} of this data (its row {@code i} is row {@code subset[i]} here),
   * sharing the feature store.
   *
   * @throws IllegalArgumentException naming a row out of range
   */
  public ImageData rows(int[] subset) {
    int[] mapped = new int[subset.length];
    for (int i = 0; i < subset.length; i++) {
      if (subset[i] < 0 || subset[i] >= rows.length) {
        throw new IllegalArgumentException("row " + subset[i] + " at position " + i + " is outside the data's "
            + rows.length + " rows");
      }
      mapped[i] = rows[subset[i]];
    }
    return new ImageData(store, mapped, warnings);
  }

  /** {@code resamples} of these rows, for {@code Tune.tuneGrid} and every other search. */
  public ResampledData resamples(Resamples resamples) {
    return ResampledData.of(this, resamples);
  }

  /** {@code v}-fold cross-validation of these rows, stratified by label (balanced folds), seeded. */
  public ResampledData vfoldCv(int v, long seed) {
    return resamples(Resampling.vfoldCv(Strata.of(labels()), v).seed(seed).build());
  }

  @Override
  public int size() {
    return rows.length;
  }

  @Override
  public int[] labels() {
    int[] all = store.source().labels();
    return Arrays.stream(rows).map(r -> all[r]).toArray();
  }

  /** The class names, in label order. */
  public List<String> levels() {
    return store.source().levels();
  }

  /** These rows as a source. */
  public ImageSource source() {
    return isIdentity() ? store.source() : ImageSources.subset(store.source(), rows);
  }

  /** These rows, read into memory (for small data). */
  public ImageSet images() {
    return ImageSources.toImageSet(source());
  }

  /**
   * The engine that fits {@code spec}'s candidates on these rows: features of its frozen prefix come
   * from the shared store; a spec that cannot be cut trains its whole graph on the images.
   */
  @Override
  public ModelEngine engine(TunableSpec spec) {
    return new TransferEngine(store, rows, warnings);
  }

  FeatureStore store() {
    return store;
  }

  @Override
  public String toString() {
    return "<ImageData " + rows.length + " of " + store.source().size() + " images>";
  }

  private boolean isIdentity() {
    return rows.length == store.source().size() && IntStream.range(0, rows.length).allMatch(i -> rows[i] == i);
  }

  static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }
}
