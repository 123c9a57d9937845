package org.tune4j.models.tune;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.tune4j.models.augment.Augmentation;
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
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.ResampledData;
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
  private final ImageData data;
  private final int[] training;
  private final int[] testing;

  private ImageSplit(ImageData data, int[] training, int[] testing) {
    this.data = data;
    this.training = training;
    this.testing = testing;
  }

  /**
   * This split with features also kept on disk in {@code cache}: a later run on the same images
   * with the same backbone reads them instead of running the backbone, and one on a data set that
   * gained images featurizes only those.
   */
  public ImageSplit withFeatureCache(FeatureCache cache) {
    return new ImageSplit(data.withFeatureCache(cache), training, testing);
  }

  /**
   * This split, whose images (training rows, then test rows, as {@link #source()} gives them) {@code recipe} opens
   * again on another machine: for a cluster executor, with a feature cache every worker sees.
   *
   * <pre>{@code
   * ImageSplit split = ImageSplit.of(train, test)
   *     .withRecipe(() -> ImageSources.concat(openTrain(), openTest()))
   *     .withFeatureCache(FeatureCache.at(Path.of("/shared/features")));
   * }</pre>
   */
  public ImageSplit withRecipe(org.tune4j.models.source.SourceRecipe recipe) {
    return new ImageSplit(data.withRecipe(recipe), training, testing);
  }

  /** A stratified random split keeping {@code prop} of the rows for training (rsample's initial_split). */
  public static ImageSplit initialSplit(ImageSet data, double prop, long seed) {
    return initialSplit(ImageSources.of(data), prop, seed);
  }

  /** A stratified random split of a source keeping {@code prop} of the rows for training. */
  public static ImageSplit initialSplit(ImageSource data, double prop, long seed) {
    InitialSplit s = Resampling.initialSplit(Strata.of(data.labels()), prop, seed);
    return new ImageSplit(ImageData.of(data), s.training(), s.testing());
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
    int[] tr = ImageData.identity(train.size());
    int[] te = new int[test.size()];
    for (int i = 0; i < te.length; i++) {
      te[i] = train.size() + i;
    }
    return new ImageSplit(ImageData.of(both), tr, te);
  }

  /** Every image of the split as a source, training rows first for {@link #of(TrainTest)}. */
  public ImageSource source() {
    return data.source();
  }

  /** Every image of the split, read into memory (for small data). */
  public ImageSet allImages() {
    return data.images();
  }

  /** The training images, read into memory (for small data). */
  public ImageSet trainingImages() {
    return trainingData().images();
  }

  /** The test images, read into memory (for small data). */
  public ImageSet testingImages() {
    return data.rows(testing).images();
  }

  /**
   * The training rows as data of their own, sharing this split's feature store: resample them any
   * way ({@code split.trainingData().resamples(Resampling.bootstraps(n, 25, seed))}).
   */
  public ImageData trainingData() {
    return data.rows(training);
  }

  /**
   * Runs every image of the split through {@code finalSpec}'s frozen prefix now, streaming, with {@code threads}
   * threads and progress in images: the work tuning would otherwise do first. With a feature cache, a later run (or
   * {@code tuneGrid} on this split's resamples) reads the features instead. A spec with augmentation featurizes its
   * views too, and the stats add up the plain images and every view. A spec that cannot be cut featurizes nothing.
   *
   * @throws IllegalArgumentException naming an image that cannot be read; what was featurized before it is kept
   */
  public FeaturizeStats featurize(ModelSpec finalSpec, int threads, Consumer<Progress> progress) {
    NativeBackend.initialize();
    ImageSource all = data.source();
    TransferModel model = SpecCompiler.compile(finalSpec, all.height(), all.width(), 0);
    if (!model.frozenBackbone()) {
      return new FeaturizeStats(all.size(), 0, 0, 0);
    }
    FeaturizeStats stats = data.store().features(model, threads, progress).stats();
    Optional<Augmentation> aug = SpecCompiler.augmentation(finalSpec);
    for (int v = 1; v <= aug.map(Augmentation::views).orElse(0); v++) {
      FeaturizeStats view = data.store().viewFeatures(model, aug.get(), v, threads, progress).stats();
      stats = new FeaturizeStats(stats.rows() + view.rows(), stats.computed() + view.computed(),
          stats.fromCache() + view.fromCache(), stats.seconds() + view.seconds());
    }
    return stats;
  }

  /**
   * One line per frozen prefix (and per augmented view of one, named) featurized so far: images computed, read from
   * the cache, time.
   */
  public java.util.List<String> featurizeLog() {
    return data.store().describeEntries();
  }

  /**
   * Test-time augmentation of a last fit on this split: the test images' class probabilities averaged over
   * views {@code 1 … views} of the fitted spec's augmentation (its transforms and seed; views beyond its own count
   * are featurized now, each once), beside the plain prediction.
   *
   * @throws IllegalArgumentException when {@code views} is below 1, the spec has no augmentation block, or
   *     {@code fit} is not a cut model of this split's images
   */
  public ViewPredictions predictWithViews(LastFit fit, int views) {
    if (!(fit.model() instanceof TestTimeViews.Model model)) {
      throw new IllegalArgumentException("the last fit's model is " + fit.model().getClass().getName() + "; test-time"
          + " augmentation needs a last fit of a spec with a frozen backbone on this split (Tune.lastFit(spec, split))");
    }
    return new ViewPredictions(views, model.predict(testing), model.predictWithViews(testing, views));
  }

  /** {@code v}-fold cross-validation of the training rows, stratified by label, sharing this split's features. */
  public ResampledData vfoldCv(int v, long seed) {
    return trainingData().vfoldCv(v, seed);
  }

  /** Every row of the split (training rows first for {@link #of(ImageSource, ImageSource)}). */
  @Override
  public ImageData data() {
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

  @Override
  public String toString() {
    return "<Training/Testing/Total> <" + training.length + "/" + testing.length + "/" + data.size() + ">";
  }
}
