package org.tune4j.models.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardStoreTest {
  @TempDir
  Path root;

  static final int COLUMNS = 5;

  static String key(int i) {
    return ShardStore.sha256("image " + i);
  }

  static float[] row(int i) {
    float[] r = new float[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      r[c] = Float.intBitsToFloat(0x3f800000 + i * 31 + c); // distinct bit patterns
    }
    return r;
  }

  /** Writes rows {@code from..to-1} in shards of 4 rows. */
  static void write(ShardStore store, int from, int to) {
    try (ShardWriter w = store.writer(COLUMNS, 4L * COLUMNS * 4)) {
      for (int i = from; i < to; i++) {
        w.append(key(i), row(i), 0);
      }
    }
  }

  List<Path> shards(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".t4js")).toList();
    }
  }

  @Test
  void rowsComeBackBitForBitInAnyOrder() throws IOException {
    ShardStore store = ShardStore.open(root, "k");
    write(store, 0, 10);
    assertEquals(3, shards(store.folder()).size(), "10 rows in shards of 4: 4 + 4 + 2");
    ShardStore reopened = ShardStore.open(root, "k");
    assertEquals(10, reopened.rowsStored());
    FeatureMatrix m = reopened.matrix(IntStream.range(0, 10).mapToObj(ShardStoreTest::key).toList());
    int[] ask = {9, 0, 0, 5};
    float[] got = new float[ask.length * COLUMNS];
    m.gather(ask, got);
    for (int k = 0; k < ask.length; k++) {
      assertArrayEquals(row(ask[k]), java.util.Arrays.copyOfRange(got, k * COLUMNS, (k + 1) * COLUMNS));
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> reopened.matrix(List.of(key(0), key(99))));
    assertTrue(e.getMessage().startsWith("1 of 2 rows have no stored features (the first: " + key(99)), e.getMessage());
  }

  @Test
  void aKilledWritersLeftoversAndForeignShardsAreNotRead() throws IOException {
    ShardStore store = ShardStore.open(root, "k");
    ShardWriter abandoned = store.writer(COLUMNS, 4L * COLUMNS * 4);
    for (int i = 0; i < 6; i++) {
      abandoned.append(key(i), row(i), 0);          // one whole shard, two rows in the buffer, never closed
    }
    Path stale = Files.writeString(store.folder().resolve("shard-x.tmp"), "half a shard of a killed writer");
    Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(
        ShardStore.STALE_TEMP).minusSeconds(60)));
    Path young = Files.writeString(store.folder().resolve("shard-y.tmp"), "another process's shard in the making");
    ShardStore other = ShardStore.open(root, "other key");
    write(other, 0, 4);
    Files.copy(shards(other.folder()).get(0), store.folder().resolve("shard-foreign.t4js"));
    ShardStore reopened = ShardStore.open(root, "k");
    assertEquals(4, reopened.rowsStored(), "only the whole shard");
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(young), "a young temporary file may be another writer's");
    assertFalse(Files.exists(store.folder().resolve("shard-foreign.t4js")));
    assertEquals(List.of(key(4), key(5)), reopened.missing(List.of(key(0), key(4), key(5), key(4))));
  }

  @Test
  void aFlippedByteDropsItsShard() throws IOException {
    ShardStore store = ShardStore.open(root, "k");
    write(store, 0, 8);
    Path shard = shards(store.folder()).get(0);
    byte[] bytes = Files.readAllBytes(shard);
    bytes[bytes.length - 20] ^= 1;
    Files.write(shard, bytes);
    assertEquals(4, ShardStore.open(root, "k").rowsStored());
  }

  @Test
  void twoStoresOnOneFolderWriteAtOnceAndStayConsistent() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int from = t * 5;
      done.add(pool.submit(() -> write(ShardStore.open(root, "k"), from, from + 20)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    ShardStore store = ShardStore.open(root, "k");
    assertEquals(25, store.rowsStored(), "rows 0..24, the overlap stored twice and read once");
    float[] got = new float[COLUMNS];
    store.matrix(List.of(key(12))).gather(new int[] {0}, got);
    assertArrayEquals(row(12), got);
  }
}
