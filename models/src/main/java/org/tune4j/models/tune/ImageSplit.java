package org.tune4j.models.tune;

import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.TrainTest;
import org.tune4j.resampling.InitialSplit;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.SplitData;

/**
 * A training/test split of one set of images, for {@code Tune.lastFit}, whose training rows can
 * also be resampled for tuning. The split, its resamples and its last fit share one feature
 * store: every image goes through the frozen backbone once in all.
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
  private final ImageSet all;
  private final int[] training;
  private final int[] testing;
  private final FeatureStore store;

  private ImageSplit(ImageSet all, int[] training, int[] testing) {
    this(all, training, testing, new FeatureStore(all));
  }

  private ImageSplit(ImageSet all, int[] training, int[] testing, FeatureStore store) {
    this.all = all;
    this.training = training;
    this.testing = testing;
    this.store = store;
  }

  /**
   * This split with features also kept on disk in {@code cache}: a later run on the same images
   * with the same backbone reads them instead of running the backbone.
   */
  public ImageSplit withFeatureCache(FeatureCache cache) {
    return new ImageSplit(all, training, testing, store.withCache(cache));
  }

  /** A stratified random split keeping {@code prop} of the rows for training (rsample's initial_split). */
  public static ImageSplit initialSplit(ImageSet data, double prop, long seed) {
    InitialSplit s = Resampling.initialSplit(Strata.of(data.labels()), prop, seed);
    return new ImageSplit(data, s.training(), s.testing());
  }

  /** A split that keeps a given training set and test set apart (the embedded sample's, say). */
  public static ImageSplit of(TrainTest trainTest) {
    ImageSet train = trainTest.train();
    ImageSet test = trainTest.test();
    float[] px = new float[(train.size() + test.size()) * train.pixelsPerImage()];
    System.arraycopy(train.pixels(), 0, px, 0, train.size() * train.pixelsPerImage());
    System.arraycopy(test.pixels(), 0, px, train.size() * train.pixelsPerImage(), test.size() * test.pixelsPerImage());
    int[] labels = new int[train.size() + test.size()];
    System.arraycopy(train.labels(), 0, labels, 0, train.size());
    System.arraycopy(test.labels(), 0, labels, train.size(), test.size());
    ImageSet all = ImageSet.of(train.height(), train.width(), train.channels(), px, labels, train.levels());
    int[] tr = ImageResamples.identity(train.size());
    int[] te = new int[test.size()];
    for (int i = 0; i < te.length; i++) {
      te[i] = train.size() + i;
    }
    return new ImageSplit(all, tr, te);
  }

  /** Every image of the split, training rows first for {@link #of(TrainTest)}. */
  public ImageSet allImages() {
    return all;
  }

  /** The training images. */
  public ImageSet trainingImages() {
    return all.rows(training);
  }

  /** The test images. */
  public ImageSet testingImages() {
    return all.rows(testing);
  }

  /** {@code v}-fold cross-validation of the training rows, stratified by label, sharing this split's features. */
  public ImageResamples vfoldCv(int v, long seed) {
    ImageSet train = trainingImages();
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
