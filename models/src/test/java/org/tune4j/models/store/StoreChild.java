package org.tune4j.models.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A separate JVM for the store's process tests. {@code write root key from to shardRows columns} appends images
 * {@code from..to-1}, printing {@code shard n} after each shard ({@code write-on-cue}, the same arguments: opens the
 * store, prints {@code open} and waits for a line on its input before it writes); {@code big root megabytes} writes that many
 * megabytes of 2,048-float rows in 8 MiB shards, reopens the store, gathers every row through the mapped matrix and
 * checks it, printing {@code ok} and the heap it used.
 */
final class StoreChild {
  private StoreChild() {}

  public static void main(String[] args) {
    Path root = Path.of(args[1]);
    if (args[0].startsWith("write")) {
      ShardStore store = ShardStore.open(root, args[2], Integer.parseInt(args[6]));
      if (args[0].equals("write-on-cue")) {
        System.out.println("open");
        System.out.flush();
        try {
          new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
              .readLine();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      write(store, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
          Integer.parseInt(args[6]));
    } else {
      big(root, Integer.parseInt(args[2]));
    }
  }

  static void write(ShardStore store, int from, int to, int shardRows, int columns) {
    try (ShardWriter w = store.writer((long) shardRows * columns * Float.BYTES)) {
      int shards = 0;
      for (int i = from; i < to; i++) {
        w.append(Rows.key(i), Rows.row(i, columns), 0);
        if (w.shardsWritten() > shards) {
          shards = w.shardsWritten();
          System.out.println("shard " + shards);
          System.out.flush();
        }
      }
    }
    System.out.println("done");
  }

  static final int BIG_COLUMNS = 2048;

  static void big(Path root, int megabytes) {
    int rows = (int) ((long) megabytes << 20) / (BIG_COLUMNS * Float.BYTES);
    ShardStore store = ShardStore.open(root, "big", BIG_COLUMNS);
    float[] row = new float[BIG_COLUMNS];
    try (ShardWriter w = store.writer(8L << 20)) {
      for (int i = 0; i < rows; i++) {
        for (int c = 0; c < BIG_COLUMNS; c++) {
          row[c] = Rows.value(i, c);
        }
        w.append(Rows.key(i), row, 0);
      }
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    ShardStore reopened = ShardStore.open(root, "big", BIG_COLUMNS);
    double openSeconds = (System.nanoTime() - t0) / 1e9;
    List<String> keys = IntStream.range(0, rows).mapToObj(Rows::key).toList();
    long peak = 0;
    try (FeatureMatrix m = reopened.matrix(keys)) {
      int block = 256;
      float[] target = new float[block * BIG_COLUMNS];
      for (int start = rows - block; start > -block; start -= block) { // last block first
        int[] ask = IntStream.range(Math.max(0, start), start + block).toArray();
        m.gather(ask, target);
        Rows.assertRows(ask, target, BIG_COLUMNS);
        peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
      }
      int[] scattered = IntStream.range(0, block).map(k -> (int) ((k * 7919L) % rows)).toArray();
      scattered[1] = scattered[0];
      m.gather(scattered, target);
      Rows.assertRows(scattered, target, BIG_COLUMNS);
    }
    System.out.printf(Locale.ROOT, "ok rows=%d shards=%d open=%.2fs heapBefore=%dMB heapPeak=%dMB max=%dMB%n", rows,
        reopened.shardCount(), openSeconds, before >> 20, peak >> 20, rt.maxMemory() >> 20);
  }
}
