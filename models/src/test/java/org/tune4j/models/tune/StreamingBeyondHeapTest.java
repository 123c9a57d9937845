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
 * feature store, resumes after SIGKILL from its whole shards, and its features equal the in-memory path's.
 */
class StreamingBeyondHeapTest {
  /** Heap of the child JVM. */
  static final int HEAP_MB = 64;
  /** 32×32 RGB float images: 12,288 bytes each; this many make four times the heap. */
  static final int IMAGES = 4 * HEAP_MB * (1 << 20) / (3 * 32 * 32 * 4);
  /** The same images in chunks of another composition: only BLAS blocking differs. */
  static final double FEATURE_TOL = 1e-6;

  @TempDir
  Path dir;

  private Process child() throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP_MB + "m", "-Dorg.bytedeco.javacpp.maxbytes=3G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=5G",
        "-cp", System.getProperty("java.class.path"), StreamingChild.class.getName(), dir.toString(),
        Integer.toString(IMAGES)));
    Path log = java.nio.file.Files.createTempFile(dir, "streaming-child", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    logs.put(p, log);
    return p;
  }

  private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

  private String output(Process p) throws IOException {
    return java.nio.file.Files.readString(logs.get(p), StandardCharsets.UTF_8);
  }

  private long shards() throws IOException {
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
      return s.filter(x -> x.toString().endsWith(".t4js")).count();
    }
  }

  /** Rows of one shard in the child: 8 MiB of 2,048 floats. */
  static final int SHARD_ROWS = (8 << 20) / (2048 * 4);

  /**
   * The child is SIGKILLed once three shards are on disk; a second child featurizes exactly the rows that were not
   * in a whole shard, in a heap a quarter of the images' pixels; the features equal the in-memory path's.
   */
  @Test
  void featuresOfFourTimesTheHeapSurviveSigkillAndEqualTheInMemoryPath() throws IOException, InterruptedException {
    Process killed = child();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (shards() < 3 && killed.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (!killed.isAlive()) {
      throw new AssertionError("the first child ended before three shards were written: "
          + output(killed));
    }
    killed.destroyForcibly().waitFor();
    long whole = shards();
    assertTrue(whole >= 3 && whole < IMAGES / SHARD_ROWS, whole + " shards before the kill");

    Process p = child();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child finished");
    String out = output(p);
    assertEquals(0, p.exitValue(), out);
    String line = out.lines().filter(l -> l.startsWith("STATS ")).findFirst().orElseThrow(() -> new AssertionError(out));
    String[] f = line.split(" ");
    assertEquals(IMAGES - whole * SHARD_ROWS, Integer.parseInt(f[1]), "only rows outside the whole shards are redone");
    assertEquals(whole * SHARD_ROWS + 2, Integer.parseInt(f[2]), "rows read from the shards written before the kill"
        + " (and the two test rows, which repeat training rows)");

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
