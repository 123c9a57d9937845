package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.spec.SpecCompiler;
import org.tune4j.models.store.FeatureMatrix;
import org.tune4j.models.transfer.TransferModel;

/**
 * A source whose decoded pixels are four times the featurizing JVM's heap streams through the backbone into the
 * feature store, and its features equal the in-memory path's.
 */
class StreamingBeyondHeapTest {
  /** Heap of the child JVM. */
  static final int HEAP_MB = 48;
  /** 32×32 RGB float images: 12,288 bytes each; this many make four times the heap. */
  static final int IMAGES = 4 * HEAP_MB * (1 << 20) / (3 * 32 * 32 * 4);
  /** The same images in chunks of another composition: only BLAS blocking differs. */
  static final double FEATURE_TOL = 1e-6;

  @TempDir
  Path dir;

  @Test
  void featuresOfFourTimesTheHeapEqualTheInMemoryPath() throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP_MB + "m", "-Dorg.bytedeco.javacpp.maxbytes=3G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=5G",
        "-cp", System.getProperty("java.class.path"), StreamingChild.class.getName(),
        dir.toString(), Integer.toString(IMAGES)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child finished");
    assertEquals(0, p.exitValue(), out);
    String line = out.lines().filter(l -> l.startsWith("STATS ")).findFirst().orElseThrow(() -> new AssertionError(out));
    String[] f = line.split(" ");
    assertEquals(IMAGES, Integer.parseInt(f[1]), "every image was featurized (the test rows are among them)");

    SyntheticSource source = new SyntheticSource(IMAGES, 32);
    int[] sample = {0, 1, 777, IMAGES / 2, IMAGES - 1};
    ModelSpec spec = TuneGridTest.spec().finalize(Map.of("dense_units", 8, "dropout_rate", 0.0, "learn_rate", 0.01));
    TransferModel model = SpecCompiler.compile(spec, 32, 32, 0);
    FeatureMatrix stored = new FeatureStore(source, Optional.of(FeatureCache.at(dir))).features(model).features();
    FeatureMatrix memory = new FeatureStore(ImageSources.subset(source, sample)).features(model).features();
    float[] a = new float[sample.length * stored.columns()];
    float[] b = new float[a.length];
    stored.gather(sample, a);
    memory.gather(new int[] {0, 1, 2, 3, 4}, b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    assertTrue(max <= FEATURE_TOL, "max |stored - in-memory| = " + max);
  }
}
