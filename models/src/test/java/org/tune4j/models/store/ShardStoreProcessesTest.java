package org.tune4j.models.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store across processes: two JVMs writing one store at once, a writer killed with SIGKILL, and a store of
 * 200 MB read through the mapped matrix by a JVM whose heap is a quarter of that.
 */
class ShardStoreProcessesTest {
  /** Heap of the child that reads the large store. */
  static final int SMALL_HEAP_MB = 48;
  /** Size of the large store. */
  static final int BIG_MB = 200;

  @TempDir
  Path root;

  Process child(int heapMb, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        StoreChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  static String finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** Reads the child's output up to its {@code open} line (the rest is left for {@link #finish}). */
  static void awaitOpen(Process p) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = p.getInputStream().read(); c != -1; c = p.getInputStream().read()) {
      if (c == '\n') {
        if (line.toString().equals("open")) {
          return;
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    throw new AssertionError("the child ended before it opened the store: " + line);
  }

  static void cue(Process p) throws IOException {
    p.getOutputStream().write('\n');
    p.getOutputStream().flush();
  }

  @Test
  void twoProcessesWritingOneStoreAtOnceLeaveAConsistentStore() throws Exception {
    int columns = 64;
    // both open the store before either writes, so neither skips rows the other wrote: the count below is exact
    Process a = child(64, "write-on-cue", root.toString(), "k", "0", "3000", "50", Integer.toString(columns));
    Process b = child(64, "write-on-cue", root.toString(), "k", "2000", "5000", "40", Integer.toString(columns));
    awaitOpen(a);
    awaitOpen(b);
    cue(a);
    cue(b);
    assertTrue(finish(a).endsWith("done\n"));
    assertTrue(finish(b).endsWith("done\n"));
    ShardStore store = ShardStore.open(root, "k", columns);
    assertEquals(5000, store.rowsStored());
    assertEquals(60 + 75, store.shardCount(), "each process wrote all its rows, the overlap twice");
    try (FeatureMatrix m = store.matrix(Rows.keys(0, 5000))) {
      int[] all = IntStream.range(0, 5000).toArray();
      float[] got = new float[all.length * columns];
      m.gather(all, got);
      Rows.assertRows(all, got, columns);
    }
  }

  @Test
  void aWriterKilledWithSigkillLeavesOnlyWholeShards() throws Exception {
    int columns = 2048;
    int shardRows = 16;
    Process p = child(64, "write", root.toString(), "k", "0", "1000000", Integer.toString(shardRows),
        Integer.toString(columns));
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Pattern shard = Pattern.compile("shard (\\d+)");
    int seen = 0;
    for (String line = out.readLine(); line != null && seen < 5; line = out.readLine()) {
      Matcher m = shard.matcher(line);
      if (m.matches()) {
        seen = Integer.parseInt(m.group(1));
      }
    }
    p.destroyForcibly();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(5, seen, "the child wrote shards before it was killed");
    ShardStore store = ShardStore.open(root, "k", columns);
    int rows = store.rowsStored();
    assertEquals(0, rows % shardRows, rows + " rows: whole shards only");
    assertTrue(store.shardCount() >= 5, store.shardCount() + " shards");
    assertEquals(List.of(), store.missing(Rows.keys(0, rows)), "the first rows, in order");
    try (FeatureMatrix m = store.matrix(Rows.keys(0, rows))) {
      int[] all = IntStream.range(0, rows).toArray();
      float[] got = new float[all.length * columns];
      m.gather(all, got);
      Rows.assertRows(all, got, columns);
    }
    try (Stream<Path> s = Files.list(store.folder())) {
      long temps = s.filter(f -> f.toString().endsWith(ShardFile.TEMP_SUFFIX)).count();
      assertTrue(temps <= 1, temps + " temporary files: at most the shard being written when it was killed");
    }
  }

  @Test
  void aStoreFourTimesTheHeapIsReadThroughTheMappedMatrix() throws Exception {
    String out = finish(child(SMALL_HEAP_MB, "big", root.toString(), Integer.toString(BIG_MB)));
    assertTrue(out.startsWith("ok rows=25600 shards=25 "), out);
    long bytes;
    try (Stream<Path> s = Files.walk(root)) {
      bytes = s.filter(f -> f.toString().endsWith(ShardFile.SUFFIX)).mapToLong(f -> f.toFile().length()).sum();
    }
    assertTrue(bytes > 4L * SMALL_HEAP_MB << 20, bytes + " bytes of shards, four times the child's heap");
    Matcher peak = Pattern.compile("heapPeak=(\\d+)MB").matcher(out);
    assertTrue(peak.find(), out);
    assertTrue(Integer.parseInt(peak.group(1)) < SMALL_HEAP_MB, out);
    System.out.println("large store: " + out.strip());
  }
}
