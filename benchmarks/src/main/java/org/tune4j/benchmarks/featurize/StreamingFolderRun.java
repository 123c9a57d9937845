package org.tune4j.benchmarks.featurize;

import static org.tune4j.tuning.spec.Tunable.tune;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.ColorMode;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.source.PreparedSource;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.transfer.Featurizer;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.FeaturizeStats;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.weights.Weights;

/**
 * Images from files at any scale: a generated folder of JPEGs streamed through the fused ResNet50
 * into a fresh feature cache, against the in-memory fused figure, with the process's peak RSS.
 * Each mode runs in its own JVM so its peak RSS is its own.
 *
 * <pre>
 * CP=benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * java -cp $CP org.tune4j.benchmarks.featurize.StreamingFolderRun generate 20000 /tmp/jpegs   # 96×96 JPEGs, 10 classes
 * java -cp $CP org.tune4j.benchmarks.featurize.StreamingFolderRun files 20000 /tmp/jpegs      # stream, resize to 224
 * java -cp $CP org.tune4j.benchmarks.featurize.StreamingFolderRun memory 256 /tmp/jpegs       # decoded first, then fused
 * </pre>
 */
public final class StreamingFolderRun {
  private StreamingFolderRun() {}

  /** {@code args}: mode (generate | files | memory), images, folder, [size, default 224]. */
  public static void main(String[] args) throws IOException {
    String mode = args[0];
    int n = Integer.parseInt(args[1]);
    Path folder = Path.of(args[2]);
    int size = args.length > 3 ? Integer.parseInt(args[3]) : 224;
    switch (mode) {
      case "generate" -> generate(folder, n);
      case "files" -> files(folder, n, size);
      case "memory" -> memory(folder, n, size);
      default -> throw new IllegalArgumentException("mode \"" + mode + "\"; choose from: generate, files, memory");
    }
  }

  /** {@code n} 96×96 JPEGs of soft random blobs, one class folder per {@code i % 10}. */
  static void generate(Path folder, int n) {
    IntStream.range(0, n).parallel().forEach(i -> {
      Random r = new Random(i);
      BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
      double fx = 0.02 + 0.1 * r.nextDouble();
      double fy = 0.02 + 0.1 * r.nextDouble();
      int base = r.nextInt(1 << 24);
      for (int y = 0; y < 96; y++) {
        for (int x = 0; x < 96; x++) {
          int v = (int) (60 * Math.sin(fx * x + i) + 60 * Math.cos(fy * y)) + r.nextInt(24);
          int c = ((((base >> 16) & 255) + v) & 255) << 16 | ((((base >> 8) & 255) + v / 2) & 255) << 8
              | (((base & 255) - v) & 255);
          img.setRGB(x, y, c);
        }
      }
      Path file = folder.resolve("class" + (i % 10)).resolve(String.format(Locale.ROOT, "%07d.jpg", i));
      try {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "jpg", file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    System.out.printf(Locale.ROOT, "generated %d JPEGs in %s%n", n, folder);
  }

  static ImageSource source(Path folder, int n, int size) {
    ImageSource files = ImageSources.folder(folder, ImageOptions.of(ColorMode.RGB).resize(size, size));
    ImageSource first = ImageSources.subset(files, IntStream.range(0, Math.min(n, files.size())).toArray());
    return PreparedSource.of(first).preprocess(Preprocessing.CAFFE);
  }

  static void files(Path folder, int n, int size) throws IOException {
    NativeBackend.initialize();
    ImageSource source = source(folder, n, size);
    Path cache = Files.createTempDirectory("tune4j-streaming-bench");
    ImageSplit split = ImageSplit.of(source, ImageSources.subset(source, new int[] {0}))
        .withFeatureCache(FeatureCache.at(cache));
    int threads = Runtime.getRuntime().availableProcessors();
    FeaturizeStats stats = split.featurize(spec(), threads, p -> { });
    System.out.printf(Locale.ROOT, "files %d images at %d: %.2f images/s (%.1f s), peak RSS %d MB%n", stats.rows(),
        size, stats.rows() / stats.seconds(), stats.seconds(), peakRssMb());
  }

  static void memory(Path folder, int n, int size) throws IOException {
    NativeBackend.initialize();
    ImageSet images = ImageSources.toImageSet(source(folder, n, size));
    Featurizer f = Featurizer.fused(Backbone.resnet50(Weights.random(42)).inputSize(size, size),
        HeadInput.GLOBAL_AVERAGE_POOLING);
    // warm-up with one whole chunk, so the reused workspace is sized for the chunks that follow
    int chunk = Featurizer.chunkFor(size, size);
    f.features(ImageSources.toImageSet(ImageSources.subset(ImageSources.of(images), IntStream.range(0, chunk).toArray())));
    long t0 = System.nanoTime();
    f.features(images);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "memory %d images at %d: %.2f images/s (%.1f s, decoded beforehand), peak RSS %d MB%n",
        images.size(), size, images.size() / s, s, peakRssMb());
  }

  static ModelSpec spec() {
    return ModelSpec.functional("bench").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("output", Blocks.softmaxOutput(), "dense")
        .fit(Fit.epochs(1)).compile(Compile.adam().learnRate(0.01))
        .finalize(Map.of("dense_units", 8));
  }

  /** VmHWM of this process, from /proc. */
  static long peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
