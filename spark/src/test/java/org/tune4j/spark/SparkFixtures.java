package org.tune4j.spark;

import static org.tune4j.tuning.spec.Tunable.tune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.Transform;

/** A small transfer-learning problem, the same on the driver and on every executor. */
final class SparkFixtures {
  static final int TRAIN_PER_CLASS = 12;
  static final int TEST_PER_CLASS = 3;

  private SparkFixtures() {}

  static ImageSet prepare(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  /** The split's images, training rows first: what the recipe opens on an executor. */
  static ImageSource source() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSources.concat(ImageSources.of(prepare(sample.train().firstPerClass(TRAIN_PER_CLASS))),
        ImageSources.of(prepare(sample.test().firstPerClass(TEST_PER_CLASS))));
  }

  /** The split, features cached in {@code cache}; with a recipe when {@code portable}. */
  static ImageSplit split(Path cache, boolean portable) {
    return split(FeatureCache.at(cache), portable);
  }

  /** The split, features in {@code cache} in shards of 40 rows; with a recipe when {@code portable}. */
  static ImageSplit split(FeatureCache cache, boolean portable) {
    return split(cache, portable, s -> s);
  }

  /** As {@link #split(FeatureCache, boolean)}, each of the driver's two sources passed through {@code wrap}. */
  static ImageSplit split(FeatureCache cache, boolean portable, java.util.function.UnaryOperator<ImageSource> wrap) {
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSplit split = ImageSplit.of(wrap.apply(ImageSources.of(prepare(sample.train().firstPerClass(TRAIN_PER_CLASS)))),
        wrap.apply(ImageSources.of(prepare(sample.test().firstPerClass(TEST_PER_CLASS)))))
        .withFeatureCache(cache.withShardBytes(40 * 2048 * 4));
    return portable ? split.withRecipe(SparkFixtures::source) : split;
  }

  /** A source that counts how often its rows' content keys are asked for (each one means hashing an image). */
  static ImageSource counting(ImageSource source, java.util.concurrent.atomic.AtomicInteger hashed) {
    return new org.tune4j.models.source.ForwardingSource(source) {
      @Override
      public String contentKey(int row) {
        hashed.incrementAndGet();
        return super.contentKey(row);
      }
    };
  }

  static ModelSpec spec() {
    return ModelSpec.functional("resnet_transfer")
        .block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("dropout", Blocks.dropout(tune()), "dense")
        .block("output", Blocks.softmaxOutput(), "dropout")
        .fit(Fit.epochs(tune()).batchSize(16))
        .compile(Compile.adam().learnRate(tune()))
        .update("dense_units", Parameters.hiddenUnits(8, 64))
        .update("fit_epochs", NumericParameter.ofInteger("epochs", "# Epochs", 1, 10, Transform.IDENTITY));
  }

  /** 8 candidates over units, dropout, learning rate and epochs (two epoch counts share a fit). */
  static Grid grid(ModelSpec spec) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int units : new int[] {16, 32}) {
      for (double lr : new double[] {1e-3, 1e-2}) {
        for (int epochs : new int[] {2, 3}) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("dense_units", units);
          row.put("dropout_rate", 0.2);
          row.put("learn_rate", lr);
          row.put("fit_epochs", epochs);
          rows.add(row);
        }
      }
    }
    return Grids.of(spec.parameters(), rows);
  }
}
