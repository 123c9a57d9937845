package org.tune4j.models.source;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the chunks of a list of rows from an image source ahead of their use, on a small pool of
 * decoder threads, so decoding overlaps whatever consumes the chunks (the backbone): chunk
 * {@code k + 1 … k + depth} decode while chunk {@code k} is used. Chunks come in order; a chunk
 * that fails to read throws its {@link UnreadableRowException} when it is reached, after the
 * chunks before it. Memory is bounded by {@code depth + 1} chunk buffers, reused: hand each chunk
 * back with {@link Chunk#close()} when done with it. The threads belong to this prefetcher and end
 * with {@link #close()}. Use from one consumer thread.
 *
 * <pre>{@code
 * try (ChunkPrefetcher chunks = ChunkPrefetcher.start(source, rows, 16, 2, 3)) {
 *   while (chunks.hasNext()) {
 *     try (ChunkPrefetcher.Chunk c = chunks.next()) {
 *       backbone(c.pixels(), c.count());
 *     }
 *   }
 * }
 * }</pre>
 */
public final class ChunkPrefetcher implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  /** One chunk of decoded rows; its pixel buffer goes back to the prefetcher on {@link #close()}. */
  public final class Chunk implements AutoCloseable {
    private final int[] rows;
    private final float[] pixels;
    private boolean closed;

    private Chunk(int[] rows, float[] pixels) {
      this.rows = rows;
      this.pixels = pixels;
    }

    /** The source rows of this chunk, in order (a copy). */
    public int[] rows() {
      return rows.clone();
    }

    /** How many rows the chunk holds. */
    public int count() {
      return rows.length;
    }

    /** The rows' pixels, row after row ({@link ImageSource#read}'s layout); the buffer may be longer. */
    public float[] pixels() {
      return pixels;
    }

    /** Hands the buffer back for a later chunk; the pixels must not be used after. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        buffers.offer(pixels);
      }
    }
  }

  private final ImageSource source;
  private final int[] rows;
  private final int chunk;
  private final int depth;
  private final ExecutorService pool;
  private final BlockingQueue<float[]> buffers;
  private final Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
  private int submitted;
  private int delivered;

  private ChunkPrefetcher(ImageSource source, int[] rows, int chunk, int threads, int depth) {
    this.source = source;
    this.rows = rows.clone();
    this.chunk = chunk;
    this.depth = depth;
    int id = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tune4j-decode-" + id + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.buffers = new ArrayBlockingQueue<>(depth + 1);
    for (int i = 0; i < depth + 1; i++) {
      buffers.add(new float[chunk * source.pixelsPerImage()]);
    }
    while (inFlight.size() < depth && submitted < chunks()) {
      submitNext();
    }
  }

  /**
   * Starts reading {@code rows} of {@code source} in chunks of {@code chunk} rows, {@code depth} chunks ahead on
   * {@code threads} decoder threads.
   *
   * @throws IllegalArgumentException when a size is below 1
   */
  public static ChunkPrefetcher start(ImageSource source, int[] rows, int chunk, int threads, int depth) {
    if (chunk < 1 || threads < 1 || depth < 1) {
      throw new IllegalArgumentException("chunk " + chunk + ", threads " + threads + " and depth " + depth
          + " must each be at least 1");
    }
    return new ChunkPrefetcher(source, rows, chunk, threads, depth);
  }

  private int chunks() {
    return (rows.length + chunk - 1) / chunk;
  }

  private void submitNext() {
    int from = submitted * chunk;
    int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + chunk));
    submitted++;
    inFlight.add(pool.submit(() -> {
      float[] buffer = buffers.take();
      try {
        source.read(part, buffer);
      } catch (RuntimeException e) {
        buffers.offer(buffer);
        throw e;
      }
      return new Chunk(part, buffer);
    }));
  }

  /** Whether chunks remain. */
  public boolean hasNext() {
    return delivered < chunks();
  }

  /**
   * The next chunk, waiting for it to be read.
   *
   * @throws UnreadableRowException (or whatever the source threw) when a row of this chunk cannot be read
   */
  public Chunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + chunks() + " chunks were delivered");
    }
    Future<Chunk> f = inFlight.poll();
    delivered++;
    if (submitted < chunks()) {
      submitNext();
    }
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for decoded images", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
    }
  }

  /** Cancels what is still being read and ends the decoder threads. */
  @Override
  public void close() {
    inFlight.forEach(f -> f.cancel(true));
    inFlight.clear();
    pool.shutdownNow();
  }
}
