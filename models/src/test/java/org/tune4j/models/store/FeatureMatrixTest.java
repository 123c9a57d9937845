package org.tune4j.models.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tune4j.models.store.Rows.COLUMNS;
import static org.tune4j.models.store.Rows.key;
import static org.tune4j.models.store.Rows.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathering rows: mapped equals in-memory for any shard size, run order and request; concurrent gathers; close. */
class FeatureMatrixTest {
  @TempDir
  Path root;

  /** The in-memory matrix of images {@code images}, in that order. */
  static FeatureMatrix expected(int[] images) {
    float[] v = new float[images.length * COLUMNS];
    for (int k = 0; k < images.length; k++) {
      System.arraycopy(Rows.row(images[k]), 0, v, k * COLUMNS, COLUMNS);
    }
    return FeatureMatrix.inMemory(v, images.length, COLUMNS);
  }

  @Property(tries = 60)
  void aMappedMatrixGathersWhatTheInMemoryOneDoes(@ForAll @IntRange(min = 1, max = 40) int stored,
      @ForAll @IntRange(min = 1, max = 9) int shardRows, @ForAll @IntRange(min = 0, max = 60) int runRows,
      @ForAll @IntRange(min = 0, max = 80) int asked, @ForAll long seed) throws IOException {
    Path dir = Files.createTempDirectory("feature-matrix-property");
    try {
      ShardStore store = ShardStore.open(dir, "k");
      Rows.write(store, 0, stored, shardRows);
      Random random = new Random(seed);
      int[] images = IntStream.range(0, runRows).map(i -> random.nextInt(stored)).toArray(); // repeats, any order
      int[] ask = IntStream.range(0, asked).map(i -> random.nextInt(Math.max(1, runRows))).toArray();
      if (runRows == 0) {
        ask = new int[0];
      }
      FeatureMatrix mapped = ShardStore.open(dir, "k").matrix(IntStream.of(images).mapToObj(Rows::key).toList());
      float[] got = new float[ask.length * COLUMNS];
      float[] want = new float[ask.length * COLUMNS];
      mapped.gather(ask, got);
      expected(images).gather(ask, want);
      assertEquals(runRows, mapped.rows());
      assertArrayEquals(bits(want), bits(got));
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  static int[] bits(float[] v) {
    return IntStream.range(0, v.length).map(i -> Float.floatToRawIntBits(v[i])).toArray();
  }

  @Test
  void gathersOnManyThreadsAtOnceEachGetTheirRows() throws Exception {
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 0, 400, 9);
    FeatureMatrix m = store.matrix(keys(0, 400));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        done.add(pool.submit(() -> {
          Random random = new Random(seed);
          for (int round = 0; round < 200; round++) {
            int[] ask = random.ints(1 + random.nextInt(64), 0, 400).toArray();
            float[] got = new float[ask.length * COLUMNS];
            m.gather(ask, got);
            Rows.assertRows(ask, got, COLUMNS);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aRowOutsideTheMatrixOrAShortTargetIsNamed() {
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 0, 3, 2);
    FeatureMatrix m = store.matrix(List.of(key(0), key(2)));
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> m.gather(new int[] {1, 2}, new float[2 * COLUMNS]));
    assertEquals("Index 2 out of bounds for length 2", e.getMessage());
    assertEquals("target holds 9 values, 2 rows need 10",
        assertThrows(IllegalArgumentException.class, () -> m.gather(new int[] {0, 1}, new float[9])).getMessage());
  }

  @Test
  void aClosedMatrixCannotGather() {
    ShardStore store = ShardStore.open(root, "k");
    Rows.write(store, 0, 3, 2);
    FeatureMatrix mapped = store.matrix(keys(0, 3));
    FeatureMatrix memory = FeatureMatrix.inMemory(new float[6], 2, 3);
    mapped.close();
    memory.close();
    for (FeatureMatrix m : List.of(mapped, memory)) {
      assertEquals("this feature matrix is closed; take another from the store's matrix(keys)",
          assertThrows(IllegalStateException.class, () -> m.gather(new int[] {0}, new float[COLUMNS])).getMessage());
    }
    Rows.assertRows(new int[] {1}, Rows.all(store.matrix(List.of(key(1)))), COLUMNS);
  }

  @Test
  void anInMemoryMatrixChecksItsShape() {
    FeatureMatrix m = FeatureMatrix.inMemory(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    float[] got = new float[4];
    m.gather(new int[] {2, 0}, got);
    assertArrayEquals(new float[] {5, 6, 1, 2}, got);
    assertEquals("7 values are not 3 rows of 2 (rows at least 0, columns at least 1, values rows × columns)",
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.inMemory(new float[7], 3, 2)).getMessage());
  }
}
