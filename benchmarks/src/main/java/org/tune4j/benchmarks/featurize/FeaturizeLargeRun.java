package org.tune4j.benchmarks.featurize;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.transfer.Featurizer;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.weights.Weights;

/**
 * Featurizes many 32×32 images (50,000 by default, CIFAR-10's training set size) through the fused
 * plan and writes them to a feature cache, reporting time, peak Java heap and peak off-heap
 * memory: memory must stay bounded by the chunk, not grow with the images.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.tune4j.benchmarks.featurize.FeaturizeLargeRun [images] [cache-folder]}.
 */
public final class FeaturizeLargeRun {
  private FeaturizeLargeRun() {}

  /** Runs the measurement and prints one line per figure. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    Path cacheFolder = Path.of(args.length > 1 ? args[1] : "target/feature-cache");
    NativeBackend.initialize();
    ImageSet images = BenchImages.random(n, 32, 11);
    Featurizer featurizer = Featurizer.fused(Backbone.resnet50(Weights.random(1)).inputSize(32, 32)
        .pooling(org.tune4j.models.backbone.Pooling.AVG), HeadInput.FLATTEN);
    long physicalBefore = Pointer.physicalBytes();
    long start = System.nanoTime();
    PeakSampler sampler = new PeakSampler();
    sampler.start();
    INDArray features = featurizer.features(images);
    double seconds = (System.nanoTime() - start) / 1e9;
    FeatureCache.at(cacheFolder).store("large-run-" + n, features);
    sampler.stopAndJoin();
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "images %d, features %s, %.1f s, %.0f images/s%n", n,
        java.util.Arrays.toString(features.shape()), seconds, n / seconds);
    System.out.printf(Locale.ROOT, "input pixels %.0f MB (float32), features %.0f MB%n",
        n * 3 * 32 * 32 * 4 / 1e6, features.length() * 4 / 1e6);
    System.out.printf(Locale.ROOT, "peak heap %.0f MB; off-heap (process physical) before %.0f MB, peak %.0f MB%n",
        heapPeak / 1e6, physicalBefore / 1e6, sampler.peakPhysical / 1e6);
  }

  /** Samples the process's physical memory every 50 ms. */
  private static final class PeakSampler extends Thread {
    private volatile boolean running = true;
    private volatile long peakPhysical;

    PeakSampler() {
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        peakPhysical = Math.max(peakPhysical, Pointer.physicalBytes());
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndJoin() {
      running = false;
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
