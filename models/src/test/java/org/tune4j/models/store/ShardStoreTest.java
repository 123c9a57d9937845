package org.tune4j.models.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.models.store.Rows.COLUMNS;
import static org.tune4j.models.store.Rows.key;
import static org.tune4j.models.store.Rows.keys;
import static org.tune4j.models.store.Rows.row;
import static org.tune4j.models.store.Rows.shardFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening, checking, writing and reading a store: shards at their size, damage found, killed writers, incremental runs. */
class ShardStoreTest {
  @TempDir
  Path root;

  @Test
  void rowsComeBackBitForBitInAnyOrderWithRepeats() throws IOException {
    Rows.write(ShardStore.open(root, "k"), 0, 10, 4);
    ShardStore store = ShardStore.open(root, "k");
    assertEquals(3, shardFiles(store.folder()).size(), "10 rows in shards of 4: 4 + 4 + 2");
    assertEquals(List.of(3, 10, COLUMNS), List.of(store.shardCount(), store.rowsStored(), store.columns()));
    FeatureMatrix m = store.matrix(keys(0, 10));
    int[] ask = {9, 0, 0, 5, 3, 9};
    float[] got = new float[ask.length * COLUMNS];
    m.gather(ask, got);
    Rows.assertRows(ask, got, COLUMNS);
    FeatureMatrix reordered = store.matrix(List.of(key(7), key(2), key(7)));
    Rows.assertRows(new int[] {7, 2, 7}, Rows.all(reordered), COLUMNS);
  }

  @Test
  void aMatrixOverMissingKeysNamesTheFirstAndCountsThem() {
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 0, 3, 4);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> store.matrix(List.of(key(0), key(99), key(1), key(98))));
    assertTrue(e.getMessage().startsWith("2 of 4 rows have no stored features (the first: " + key(99) + ")"),
        e.getMessage());
  }

  @Test
  void aFullShardIsWrittenAndVisibleAtOnceAndThePartialOneOnClose() {
    ShardStore store = ShardStore.open(root, "k", COLUMNS);
    ShardWriter w = store.writer(4L * COLUMNS * Float.BYTES);
    assertEquals(4, w.shardRows());
    for (int i = 0; i < 4; i++) {
      assertTrue(w.append(key(i), row(i), 0));
    }
    assertEquals(List.of(1, 4, 0), List.of(store.shardCount(), store.rowsStored(), w.rowsBuffered()),
        "the fourth row filled the shard");
    Rows.assertRows(new int[] {3}, Rows.all(store.matrix(List.of(key(3)))), COLUMNS);
    w.append(key(4), row(4), 0);
    w.append(key(5), row(5), 0);
    assertEquals(List.of(1, 2), List.of(store.shardCount(), w.rowsBuffered()));
    assertFalse(store.contains(key(4)), "a buffered row is not stored yet");
    w.close();
    w.close();
    assertEquals(List.of(2, 6, 2, 6L), List.of(store.shardCount(), store.rowsStored(), w.shardsWritten(),
        w.rowsWritten()));
    assertEquals(6, ShardStore.open(root, "k").rowsStored());
  }

  @Test
  void shardRowsFollowTheSizeInBytes() {
    ShardStore store = ShardStore.open(root, "k");
    assertEquals(8192, store.writer(2048).shardRows(), "64 MiB of 2,048 floats");
    assertEquals(167, store.writer(100_352).shardRows(), "64 MiB of 100,352 floats (flatten at 224x224)");
    assertEquals(1, store.writer(100_352, 10).shardRows(), "at least one row");
    assertEquals(3, store.writer(COLUMNS, 3L * COLUMNS * 4 + 19).shardRows());
  }

  @Test
  void aRowStoredOrBufferedAlreadyIsSkipped() {
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 0, 2, 4);
    try (ShardWriter w = store.writer(COLUMNS)) {
      assertFalse(w.append(key(1), row(1), 0), "stored");
      assertTrue(w.append(key(2), row(2), 0));
      assertFalse(w.append(key(2), row(9), 0), "buffered");
    }
    assertEquals(3, store.rowsStored());
    Rows.assertRows(new int[] {2}, Rows.all(store.matrix(List.of(key(2)))), COLUMNS);
  }

  /** Ways a shard file goes bad. */
  enum Damage {
    TRUNCATED_BY_ONE_BYTE, TRUNCATED_TO_HALF, EMPTY, ONE_BYTE_APPENDED, FLIPPED_IN_HEADER, FLIPPED_IN_KEY_TABLE,
    FLIPPED_IN_FEATURES, FLIPPED_IN_CHECKSUM, NOT_A_SHARD
  }

  static byte[] damage(byte[] b, Damage d) {
    int keyTable = 20 + 1; // store key "k": one byte
    return switch (d) {
      case TRUNCATED_BY_ONE_BYTE -> java.util.Arrays.copyOf(b, b.length - 1);
      case TRUNCATED_TO_HALF -> java.util.Arrays.copyOf(b, b.length / 2);
      case EMPTY -> new byte[0];
      case ONE_BYTE_APPENDED -> java.util.Arrays.copyOf(b, b.length + 1);
      case FLIPPED_IN_HEADER -> flip(b, 12);
      case FLIPPED_IN_KEY_TABLE -> flip(b, keyTable + 40);
      case FLIPPED_IN_FEATURES -> flip(b, b.length - 20);
      case FLIPPED_IN_CHECKSUM -> flip(b, b.length - 1);
      case NOT_A_SHARD -> "a text file that happens to end in .t4js".getBytes(StandardCharsets.UTF_8);
    };
  }

  static byte[] flip(byte[] b, int at) {
    byte[] c = b.clone();
    c[at] ^= 0x10;
    return c;
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedShardIsDeletedWithOneWarningAndItsRowsAreMissing(Damage d) throws IOException {
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 0, 4, 4);
    Path first = shardFiles(store.folder()).get(0);
    Rows.write(store, 4, 8, 4);
    Files.write(first, damage(Files.readAllBytes(first), d));
    String[] log = new String[1];
    ShardStore reopened = withStderr(log, () -> ShardStore.open(root, "k"));
    assertEquals(4, reopened.rowsStored());
    assertEquals(keys(0, 4), reopened.missing(keys(0, 8)));
    assertFalse(Files.exists(first), "deleted");
    assertEquals(1, log[0].lines().filter(l -> l.contains("WARN")).count(), log[0]);
    assertTrue(log[0].contains("feature shard " + first + " is unusable ("), log[0]);
    Rows.write(reopened, 0, 8, 4);
    Rows.assertRows(IntStream.range(0, 8).toArray(), Rows.all(ShardStore.open(root, "k").matrix(keys(0, 8))),
        COLUMNS);
  }

  /** Runs {@code action} with standard error captured into {@code out[0]} (slf4j-simple writes warnings there). */
  static <T> T withStderr(String[] out, Supplier<T> action) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return action.get();
    } finally {
      System.setErr(saved);
      out[0] = bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aShardOfAnotherStoreKeyIsNotReadAndIsDeleted() throws IOException {
    ShardStore other = ShardStore.open(root, "other key");
    Rows.write(other, 0, 4, 4);
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 10, 12, 4);
    Path foreign = Files.copy(shardFiles(other.folder()).get(0), store.folder().resolve("shard-foreign.t4js"));
    ShardStore reopened = ShardStore.open(root, "k");
    assertEquals(List.of(2, 1), List.of(reopened.rowsStored(), reopened.shardCount()));
    assertFalse(reopened.contains(key(0)));
    assertFalse(Files.exists(foreign));
    assertEquals(4, ShardStore.open(root, "other key").rowsStored(), "the other store keeps its shard");
  }

  @Test
  void aStoreThatGainedImagesWritesOnlyTheNewOnesAndRemovedOnesDropOut() {
    Rows.write(ShardStore.open(root, "k"), 0, 10, 4);
    ShardStore store = ShardStore.open(root, "k");
    assertEquals(keys(10, 15), store.missing(keys(0, 15)));
    int taken = 0;
    try (ShardWriter w = store.writer(COLUMNS, 4L * COLUMNS * 4)) {
      for (int i = 14; i >= 0; i--) {
        taken += w.append(key(i), row(i), 0) ? 1 : 0;
      }
    }
    assertEquals(5, taken, "only the 5 new images");
    assertEquals(List.of(15, 5), List.of(store.rowsStored(), store.shardCount()), "3 old shards, 2 new");
    ShardStore reopened = ShardStore.open(root, "k");
    Rows.assertRows(IntStream.range(0, 15).toArray(), Rows.all(reopened.matrix(keys(0, 15))), COLUMNS);
    List<String> fewer = keys(3, 12);
    Rows.assertRows(IntStream.range(3, 12).toArray(), Rows.all(reopened.matrix(fewer)), COLUMNS);
    assertEquals(List.of(), reopened.missing(fewer));
  }

  @Test
  void aKilledWriterLeavesOnlyWholeShardsAndTheStoreReopensCleanly() throws IOException {
    ShardStore store = ShardStore.open(root, "k");
    ShardWriter abandoned = store.writer(COLUMNS, 4L * COLUMNS * 4);
    for (int i = 0; i < 10; i++) {
      abandoned.append(key(i), row(i), 0); // two whole shards, two rows in the buffer, never closed
    }
    Path halfWritten = store.folder().resolve("shard-123.tmp");
    Files.write(halfWritten, java.util.Arrays.copyOf(Files.readAllBytes(shardFiles(store.folder()).get(0)), 50));
    Files.setLastModifiedTime(halfWritten, FileTime.from(Instant.now().minus(ShardStore.STALE_TEMP).minusSeconds(60)));
    Path young = Files.writeString(store.folder().resolve("shard-456.tmp"), "another process's shard in the making");
    ShardStore reopened = ShardStore.open(root, "k");
    assertEquals(List.of(8, 2), List.of(reopened.rowsStored(), reopened.shardCount()), "only the whole shards");
    assertEquals(keys(8, 10), reopened.missing(keys(0, 10)));
    assertFalse(Files.exists(halfWritten), "a killed writer's hour-old temporary file is removed");
    assertTrue(Files.exists(young), "a young temporary file may be another writer's");
    Rows.assertRows(IntStream.range(0, 8).toArray(), Rows.all(reopened.matrix(keys(0, 8))), COLUMNS);
  }

  @Test
  void twoStoresOnOneFolderWriteAtOnceAndStayConsistent() throws Exception {
    ShardStore a = ShardStore.open(root, "k");
    ShardStore b = ShardStore.open(root, "k");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      done.add(pool.submit(() -> Rows.write(a, 0, 300, 7)));
      done.add(pool.submit(() -> Rows.write(b, 200, 500, 5)));
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(List.of(300, 300), List.of(a.rowsStored(), b.rowsStored()), "each sees its own shards");
    assertEquals(60, a.refresh(), "b's 300 rows in shards of 5");
    assertEquals(500, a.rowsStored(), "rows 0..499, the overlap stored twice and read once");
    ShardStore reopened = ShardStore.open(root, "k");
    assertEquals(List.of(500, 43 + 60), List.of(reopened.rowsStored(), reopened.shardCount()));
    Rows.assertRows(IntStream.range(0, 500).toArray(), Rows.all(reopened.matrix(keys(0, 500))), COLUMNS);
  }

  @Test
  void rowsOfAnotherLengthCannotJoinAStore() {
    ShardStore store = ShardStore.open(root, "k", COLUMNS);
    Rows.write(store, 0, 2, 4);
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> store.writer(6));
    assertTrue(w.getMessage().startsWith("rows of 6 values cannot join a store of rows of 5 in "), w.getMessage());
    IllegalStateException o = assertThrows(IllegalStateException.class, () -> ShardStore.open(root, "k", 6));
    assertTrue(o.getMessage().contains("holds rows of 5 values, but the store has rows of 6; a store key must name"),
        o.getMessage());
    assertEquals(2, ShardStore.open(root, "k").rowsStored(), "the whole shard is kept");
  }

  @Test
  void mistakesAreNamedWithTheirFix() {
    ShardStore empty = ShardStore.open(root, "k");
    assertEquals("the store in " + empty.folder() + " is empty and was opened without a row length; open it with"
        + " ShardStore.open(root, storeKey, columns) or use writer(columns)",
        assertThrows(IllegalStateException.class, empty::writer).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardStore.open(root, " ")).getMessage()
        .startsWith("store key \" \" is blank; name the backbone"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> empty.writer(COLUMNS, 2L << 30)).getMessage()
        .startsWith("shard size 2147483648 bytes must be between 1 and 1073741824"));
    ShardWriter w = empty.writer(COLUMNS);
    String upper = key(1).toUpperCase(java.util.Locale.ROOT);
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> w.append(upper, row(1), 0));
    assertTrue(k.getMessage().startsWith("content key \"" + upper + "\" is not a SHA-256 digest in 64 lower-case hex"),
        k.getMessage());
    assertEquals("a row of 5 values from offset 3 does not fit in 7 values; the offset of row k of a chunk is k * 5",
        assertThrows(IllegalArgumentException.class, () -> w.append(key(1), new float[7], 3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> empty.missing(List.of("abc")));
    w.close();
    assertTrue(assertThrows(IllegalStateException.class, () -> w.append(key(1), row(1), 0)).getMessage()
        .endsWith("is closed; open another with store.writer()"));
  }
}
