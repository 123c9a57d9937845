package org.tune4j.models.tune;

import java.util.Objects;
import java.util.function.Consumer;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.spec.SpecCompiler;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.resampling.InitialSplit;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.SplitData;

/**
 * A training/test split of one image source, for {@code Tune.lastFit}, whose training rows can
 * also be resampled for tuning. The split, its resamples and its last fit share one feature
 * store: every image goes through the frozen backbone once in all, streamed from the source a chunk
 * at a time, so the source may be far larger than memory (give it a {@link FeatureCache} then).
 *
 * <pre>{@code
 * ImageSplit split = ImageSplit.of(sample);                 // embedded train / test
 * TuneResults res = Tune.tuneGrid(spec, split.vfoldCv(5, 42), grid);
 * LastFit fit = Tune.lastFit(spec.finalize(res.selectBest("accuracy").values()), split);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ImageSplit implements SplitData {
  private final ImageSource all;
  private final int[] training;
  private final int[] testing;
  private final FeatureStore store;

  private ImageSplit(ImageSource all, int[] training, int[] testing, FeatureStore store) {
    this.all = all;
    this.training = training;
    this.testing = testing;
    this.store = store;
  }

  private ImageSplit(ImageSource all, int[] training, int[] testing) {
    this(all, training, testing, new FeatureStore(all));
  }

  /**
   * This split with features also kept on disk in {@code cache}: a later run on the same images
   * with the same backbone reads them instead of running the backbone, and one on a data set that
   * gained images featurizes only those.
   */
  public ImageSplit withFeatureCache(FeatureCache cache) {
    return new ImageSplit(all, training, testing, store.withCache(cache));
  }

  /** A stratified random split keeping {@code prop} of the rows for training (rsample's initial_split). */
  public static ImageSplit initialSplit(ImageSet data, double prop, long seed) {
    return initialSplit(ImageSources.of(data), prop, seed);
  }

  /** A stratified random split of a source keeping {@code prop} of the rows for training. */
  public static ImageSplit initialSplit(ImageSource data, double prop, long seed) {
    InitialSplit s = Resampling.initialSplit(Strata.of(data.labels()), prop, seed);
    return new ImageSplit(data, s.training(), s.testing());
  }

  /** A split that keeps a given training set and test set apart (the embedded sample's, say). */
  public static ImageSplit of(TrainTest trainTest) {
    return of(ImageSources.of(trainTest.train()), ImageSources.of(trainTest.test()));
  }

  /**
   * A split that keeps a training source and a test source apart: the training rows come first.
   *
   * @throws IllegalArgumentException when their image shapes, levels or preparations differ
   */
  public static ImageSplit of(ImageSource train, ImageSource test) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    ImageSource both = ImageSources.concat(train, test);
    int[] tr = ImageResamples.identity(train.size());
    int[] te = new int[test.size()];
    for (int i = 0; i < te.length; i++) {
      te[i] = train.size() + i;
    }
    return new ImageSplit(both, tr, te);
  }

  /** Every image of the split as a source, training rows first for {@link #of(TrainTest)}. */
  public ImageSource source() {
    return all;
  }

  /** Every image of the split, read into memory (for small data). */
  public ImageSet allImages() {
    return ImageSources.toImageSet(all);
  }

  /** The training images, read into memory (for small data). */
  public ImageSet trainingImages() {
    return ImageSources.toImageSet(ImageSources.subset(all, training));
  }

  /** The test images, read into memory (for small data). */
  public ImageSet testingImages() {
    return ImageSources.toImageSet(ImageSources.subset(all, testing));
  }

  /**
   * Runs every image of the split through {@code finalSpec}'s frozen prefix now, streaming, with {@code threads}
   * threads and progress in images: the work tuning would otherwise do first. With a feature cache, a later run (or
   * {@code tuneGrid} on this split's resamples) reads the features instead. A spec that cannot be cut featurizes
   * nothing.
   *
   * @throws IllegalArgumentException naming an image that cannot be read; what was featurized before it is kept
   */
  public FeaturizeStats featurize(ModelSpec finalSpec, int threads, Consumer<Progress> progress) {
    NativeBackend.initialize();
    TransferModel model = SpecCompiler.compile(finalSpec, all.height(), all.width(), 0);
    if (!model.frozenBackbone()) {
      return new FeaturizeStats(all.size(), 0, 0, 0);
    }
    return store.features(model, threads, progress).stats();
  }

  /** One line per frozen prefix featurized so far: images computed, read from the cache, time. */
  public java.util.List<String> featurizeLog() {
    return store.entries().stream().map(e -> e.stats().describe()).toList();
  }

  /** {@code v}-fold cross-validation of the training rows, stratified by label, sharing this split's features. */
  public ImageResamples vfoldCv(int v, long seed) {
    ImageSource train = ImageSources.subset(all, training);
    return new ImageResamples(train, Resampling.vfoldCv(Strata.of(train.labels()), v).seed(seed).build(),
        new TransferEngine(store, training));
  }

  @Override
  public ModelEngine engine() {
    return new TransferEngine(store, ImageResamples.identity(all.size()));
  }

  @Override
  public int[] training() {
    return training.clone();
  }

  @Override
  public int[] testing() {
    return testing.clone();
  }

  @Override
  public String toString() {
    return "<Training/Testing/Total> <" + training.length + "/" + testing.length + "/" + all.size() + ">";
  }
}
