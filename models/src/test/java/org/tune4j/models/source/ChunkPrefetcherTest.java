package org.tune4j.models.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;

/** The prefetcher: chunks in order, a bounded number of buffers, failures at their chunk, threads ended by close. */
class ChunkPrefetcherTest {
  static final ImageSet IMAGES = EmbeddedSample.fashionMnist().train().firstPerClass(5);

  /** Takes every chunk, checking its pixels against the images; returns the rows seen. */
  static List<Integer> drain(ChunkPrefetcher chunks) {
    List<Integer> seen = new ArrayList<>();
    int per = IMAGES.pixelsPerImage();
    float[] expected = new float[per];
    while (chunks.hasNext()) {
      try (ChunkPrefetcher.Chunk c = chunks.next()) {
        int[] rows = c.rows();
        assertEquals(rows.length, c.count());
        for (int k = 0; k < rows.length; k++) {
          IMAGES.copyPixels(rows[k], 1, expected);
          assertArrayEquals(expected, Arrays.copyOfRange(c.pixels(), k * per, (k + 1) * per), "row " + rows[k]);
          seen.add(rows[k]);
        }
      }
    }
    return seen;
  }

  @Test
  void chunksComeInOrderWithAtMostDepthPlusOneBuffersForManyShapes() {
    Random random = new Random(16);
    for (int trial = 0; trial < 40; trial++) {
      int rowCount = 1 + random.nextInt(50);
      int chunk = 1 + random.nextInt(9);
      int threads = 1 + random.nextInt(3);
      int depth = 1 + random.nextInt(4);
      inOrderAndBounded(rowCount, chunk, threads, depth);
    }
    inOrderAndBounded(49, 7, 3, 4);             // a last, partial chunk
    inOrderAndBounded(3, 10, 2, 2);             // fewer rows than one chunk
  }

  static void inOrderAndBounded(int rowCount, int chunk, int threads, int depth) {
    RecordingSource source = new RecordingSource(ImageSources.of(IMAGES));
    int[] rows = IntStream.range(0, rowCount).map(i -> (i * 7) % IMAGES.size()).toArray();
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(source, rows, chunk, threads, depth)) {
      assertEquals(IntStream.of(rows).boxed().toList(), drain(chunks));
      assertThrows(NoSuchElementException.class, chunks::next);
    }
    String shape = rowCount + " rows, chunk " + chunk + ", threads " + threads + ", depth " + depth;
    assertTrue(source.targets.size() <= depth + 1, source.targets.size() + " buffers for " + shape);
    assertTrue(source.mostAtOnce.get() <= Math.min(threads, depth + 1), source.mostAtOnce + " reads at once for "
        + shape);
  }

  @Test
  void decodingRunsAheadOfTheConsumerByDepthChunksAndNoMore() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingSource source = new RecordingSource(ImageSources.of(IMAGES), -1, release);
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(source, IntStream.range(0, 40).toArray(), 4, 2, 3)) {
      release.countDown();
      ChunkPrefetcher.Chunk first = chunks.next();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (source.reads.get() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(50);
      assertEquals(4, source.reads.get(), "the chunk held and three ahead, while the consumer works");
      first.close();
      assertEquals(List.of(4, 5, 6, 7), Arrays.stream(chunks.next().rows()).boxed().toList());
    }
    assertEquals(4, source.targets.size(), "depth + 1 buffers");
  }

  @Test
  void aFailureComesAtItsChunkAfterTheChunksBeforeItAndTheRestStillCome() {
    RecordingSource source = new RecordingSource(ImageSources.of(IMAGES), 30, new CountDownLatch(0));
    List<Integer> seen = new ArrayList<>();
    UnreadableRowException failure = null;
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(source, IntStream.range(0, 50).toArray(), 10, 2, 3)) {
      while (chunks.hasNext()) {
        try (ChunkPrefetcher.Chunk c = chunks.next()) {
          Arrays.stream(c.rows()).forEach(seen::add);
        } catch (UnreadableRowException e) {
          assertEquals(30, seen.size(), "the three chunks before the failing one came first");
          failure = e;
        }
      }
    }
    assertEquals(30, failure.row());
    assertEquals("image item 30 (row 30) cannot be read: damaged on purpose", failure.getMessage());
    assertEquals(40, seen.size(), "the chunk after the failing one still came");
    assertEquals(40, seen.get(30));
  }

  @Test
  void closeCancelsTheWorkAndEndsTheThreads() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingSource source = new RecordingSource(ImageSources.of(IMAGES), -1, release);
    ChunkPrefetcher chunks = ChunkPrefetcher.start(source, IntStream.range(0, 50).toArray(), 5, 2, 2);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (source.threads.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(2, source.threads.size(), "two decoder threads waiting in read");
    for (Thread t : source.threads) {
      assertTrue(t.isDaemon(), t.getName());
      assertTrue(t.getName().startsWith("tune4j-decode-"), t.getName());
    }
    chunks.close();
    for (Thread t : source.threads) {
      assertFalse(t.isAlive(), t.getName() + " still runs after close");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, chunks::next);
    assertEquals("this prefetcher is closed; start another to read more chunks", e.getMessage());
    chunks.close();
  }

  @Test
  void aConsumerHoldingEveryBufferIsToldRatherThanLeftWaiting() {
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(ImageSources.of(IMAGES), IntStream.range(0, 20).toArray(),
        2, 1, 2)) {
      chunks.next();
      chunks.next();
      chunks.next();
      IllegalStateException e = assertThrows(IllegalStateException.class, chunks::next);
      assertEquals("all 3 chunk buffers are held by chunks that were not closed; close each chunk when done with it"
          + " (try-with-resources), or start with a larger depth", e.getMessage());
    }
  }

  @Test
  void badArgumentsAreNamed() {
    ImageSource source = ImageSources.of(IMAGES);
    IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
        () -> ChunkPrefetcher.start(source, new int[] {0}, 0, 1, 1));
    assertEquals("chunk 0, threads 1 and depth 1 must each be at least 1", sizes.getMessage());
    IndexOutOfBoundsException row = assertThrows(IndexOutOfBoundsException.class,
        () -> ChunkPrefetcher.start(source, new int[] {0, 50}, 4, 1, 1));
    assertTrue(row.getMessage().startsWith("row 50 (position 1) is outside [0, 50) of in-memory images"),
        row.getMessage());
  }
}
