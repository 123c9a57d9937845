package org.tune4j.benchmarks.endtoend;

import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.results.TuneResults;

/**
 * The end-to-end target of the fast-heads issue: the vignette at tuning scale — 2,000 training
 * images (32×32, embedded Fashion-MNIST), 5-fold stratified CV, 27 candidates ({@code dense_units}
 * {32, 64, 128} × {@code dropout_rate} {0, 0.25, 0.5} × {@code learn_rate} {1e-4, 1e-3, 1e-2}), 5
 * epochs, batch 32, Adam, frozen ResNet50 with global average pooling — timed wall clock from
 * images in memory to the ranked table. Compare with {@code benchmarks/peers/torch_vignette.py}.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.tune4j.benchmarks.endtoend.VignetteTuningRun [threads]}.
 */
public final class VignetteTuningRun {
  private VignetteTuningRun() {}

  /** Runs the vignette tuning once and prints the time and the best candidates. */
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    NativeBackend.initialize();
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSplit split = ImageSplit.of(new TrainTest(prepare(sample.train()), prepare(sample.test())));
    ModelSpec spec = spec();
    Grid grid = grid(spec);
    long start = System.nanoTime();
    TuneResults res = Tune.tuneGrid(spec, split.vfoldCv(5, 42), grid,
        Control.builder().threads(threads).seed(42).build());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(res.showBest("accuracy", 3));
    System.out.printf(Locale.ROOT, "tune4j vignette tuning: 27 candidates x 5 folds, %d threads: %.1f s wall%n",
        threads, seconds);
  }

  /** The vignette's spec: frozen ResNet50 (random weights), global pooling, dense + dropout, Adam, 5 epochs. */
  public static ModelSpec spec() {
    return ModelSpec.functional("vignette")
        .block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("dropout", Blocks.dropout(tune()), "dense")
        .block("output", Blocks.softmaxOutput(), "dropout")
        .fit(Fit.epochs(5).batchSize(32))
        .compile(Compile.adam().learnRate(tune()))
        .update("dense_units", Parameters.hiddenUnits(32, 128))
        .update("learn_rate", Parameters.learnRate().withRange(-4, -2));
  }

  /** The vignette's 27 candidates: dense_units {32, 64, 128} × dropout_rate {0, 0.25, 0.5} × learn_rate {1e-4, 1e-3, 1e-2}. */
  public static Grid grid(ModelSpec spec) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (double lr : new double[] {1e-4, 1e-3, 1e-2}) {
      for (double drop : new double[] {0, 0.25, 0.5}) {
        for (int units : new int[] {32, 64, 128}) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("dense_units", units);
          row.put("dropout_rate", drop);
          row.put("learn_rate", lr);
          rows.add(row);
        }
      }
    }
    return Grids.of(spec.parameters(), rows);
  }

  /** The embedded sample's 28×28 grey images as 32×32 RGB in [0, 1]. */
  public static ImageSet prepare(ImageSet grey) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(grey, 32, 32)));
  }
}
