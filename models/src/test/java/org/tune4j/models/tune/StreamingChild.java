package org.tune4j.models.tune;

import java.nio.file.Path;
import java.util.Map;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.source.ImageSources;

/**
 * Featurizes a large synthetic source into a feature cache in its own JVM (started with a small heap by
 * {@link StreamingBeyondHeapTest}); prints the featurize line and the peak heap.
 */
public final class StreamingChild {
  private StreamingChild() {}

  /** {@code args}: cache folder, images. */
  public static void main(String[] args) {
    int n = Integer.parseInt(args[1]);
    SyntheticSource source = new SyntheticSource(n, 32);
    ImageSplit split = ImageSplit.of(source, ImageSources.subset(source, new int[] {0, 1}))
        .withFeatureCache(FeatureCache.at(Path.of(args[0])).withShardBytes(8L << 20)); // a shard buffer is heap
    ModelSpec spec = TuneGridTest.spec().finalize(Map.of("dense_units", 8, "dropout_rate", 0.0, "learn_rate", 0.01));
    FeaturizeStats stats = split.featurize(spec, 2, p -> { });
    long heap = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("STATS " + stats.computed() + " " + stats.fromCache() + " peak-heap " + heap);
  }
}
