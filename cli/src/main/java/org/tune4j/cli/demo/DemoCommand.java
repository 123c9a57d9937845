package org.tune4j.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tune4j.cli.Main;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backend.BackendInfo;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.weights.KerasModelsCache;
import org.tune4j.models.weights.PublishedWeights;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.input.BadInputException;
import org.tune4j.tuning.input.Inputs;

/**
 * {@code tune4j demo}: by default the vignette at tuning scale ({@link TuningDemo}); with
 * {@code --vignette}, kerasnip's "Transfer Learning with Keras Applications" vignette on the
 * embedded Fashion-MNIST sample — a frozen ResNet50 without its top, a flatten + softmax head, 5
 * epochs with validation split 0.2 on 500 images, then accuracy on 100 test images. Stateless.
 */
public final class DemoCommand {
  private DemoCommand() {}

  /**
   * Runs the demo: the tuning-scale job by default, the single-fit vignette with {@code --vignette};
   * returns the exit code.
   */
  public static int run(List<String> args, PrintStream out, PrintStream err, Clock clock, boolean terminal)
      throws IOException {
    boolean vignette = args.contains("--vignette");
    List<String> rest = args.stream().filter(a -> !a.equals("--vignette")).toList();
    if (args.contains("--help") || args.contains("-h")) {
      out.print(vignette ? DemoOptions.HELP : TuningDemo.HELP);
      return Main.OK;
    }
    return vignette ? vignette(rest, out) : TuningDemo.run(rest, out, err, clock, terminal);
  }

  private static int vignette(List<String> args, PrintStream out) throws IOException {
    DemoOptions options = Inputs.check(() -> DemoOptions.parse(args));
    long start = System.nanoTime();
    BackendInfo backend = NativeBackend.initialize();
    out.println("Native backend: " + backend.summary());

    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSet train = prepare(sample.train().firstPerClass(options.trainPerClass()));
    ImageSet test = prepare(sample.test().firstPerClass(options.testPerClass()));
    Weights weights = Inputs.check(() -> chooseWeights(options, out));
    out.println("Weights: " + weights.describe());
    out.printf(Locale.ROOT, "Data: %d training and %d test images of the embedded Fashion-MNIST sample,"
        + " padded to 32×32, grey replicated to RGB, scaled to [0, 1]%n", train.size(), test.size());

    TransferModel model = TransferModel.of(
        Backbone.resnet50(weights).inputSize(32, 32),
        HeadSpec.flatten(),
        FitSpec.defaults().epochs(options.epochs()).batchSize(32).validationSplit(0.2).seed(options.seed()));
    FittedTransferModel fitted = model.fit(train, epoch -> out.println(epoch.format(options.epochs())));
    Predictions predictions = fitted.predict(test);
    double accuracy = predictions.accuracy(test.labels());
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "Test accuracy: %.4f (%d of %d test images; majority class alone: %.4f)%n",
        accuracy, Math.round(accuracy * test.size()), test.size(), majorityShare(test));
    out.printf(Locale.ROOT, "Time: %.1f s%n", seconds);
    return Main.OK;
  }

  private static Weights chooseWeights(DemoOptions options, PrintStream out) {
    if (options.weights().isPresent()) {
      Path file = options.weights().get();
      if (!Files.isRegularFile(file)) {
        throw new BadInputException("weights file " + file + " does not exist; check the path, or leave out --weights"
            + " for the ImageNet weights in ~/.keras/models (or random frozen weights without them)");
      }
      return Weights.file(file);
    }
    KerasModelsCache cache = KerasModelsCache.ofUserHome();
    Optional<Path> cached = cache.find(PublishedWeights.RESNET50_NOTOP);
    if (cached.isPresent()) {
      return Weights.file(cached.get());
    }
    out.println("No ImageNet weights at " + cache.pathOf(PublishedWeights.RESNET50_NOTOP)
        + ": using random frozen weights (seed " + options.seed() + "); point at a weights file with --weights FILE.h5");
    return Weights.random(options.seed());
  }

  private static ImageSet prepare(ImageSet images) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(images, 32, 32)));
  }

  private static double majorityShare(ImageSet images) {
    int max = 0;
    for (int c : images.classCounts()) {
      max = Math.max(max, c);
    }
    return images.size() == 0 ? Double.NaN : (double) max / images.size();
  }
}
