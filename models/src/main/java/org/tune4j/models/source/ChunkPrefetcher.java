package org.tune4j.models.source;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tune4j.models.data.ImageSet;

/**
 * Reads the chunks of a list of rows from an image source ahead of their use, on a small pool of
 * decoder threads, so decoding overlaps whatever consumes the chunks (the backbone): chunks
 * {@code k + 1 … k + depth} decode while chunk {@code k} is used, up to {@code threads} chunks at
 * once (so choose {@code depth ≥ threads}; each chunk is read by one thread).
 *
 * <p>Chunks come in order. A chunk that fails to read throws its {@link UnreadableRowException}
 * (or whatever the source threw) from {@link #next()} when it is reached, after every chunk before
 * it; the chunks after it can still be taken. Memory is bounded by {@code depth + 1} chunk buffers,
 * allocated once and reused: hand each chunk back with {@link Chunk#close()} when done with it. A
 * consumer that holds every buffer and asks for more gets an {@link IllegalStateException} rather
 * than a hang. The decoder threads are daemons named {@code tune4j-decode-<n>-<k>}, belong to this
 * prefetcher and end with {@link #close()}, which cancels what is still being read.
 *
 * <p>Use from one consumer thread; {@link Chunk#close()} may be called from any thread.
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
  private static final long CLOSE_WAIT_SECONDS = 10;

  /** One chunk of decoded rows; its pixel buffer goes back to the prefetcher on {@link #close()}. */
  public final class Chunk implements AutoCloseable {
    private final int[] rows;
    private final float[] pixels;
    private boolean returned;

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

    /** Hands the buffer back for a later chunk; the pixels must not be used after. Idempotent. */
    @Override
    public void close() {
      synchronized (lock) {
        if (returned) {
          return;
        }
        returned = true;
      }
      giveBack(pixels);
    }
  }

  private final ImageSource source;
  private final int[] rows;
  private final int chunk;
  private final int depth;
  private final int bufferCount;
  private final ExecutorService pool;
  private final List<Thread> workers = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private final Deque<float[]> free = new ArrayDeque<>();        // guarded by lock
  private final Deque<Future<Chunk>> inFlight = new ArrayDeque<>(); // guarded by lock
  private int submitted;                                           // guarded by lock
  private boolean closed;                                          // guarded by lock
  private int delivered;                                           // consumer thread only

  private ChunkPrefetcher(ImageSource source, int[] rows, int chunk, int threads, int depth) {
    this.source = source;
    this.rows = rows;
    this.chunk = chunk;
    this.depth = depth;
    this.bufferCount = depth + 1;
    int length = ImageSet.arrayLength(Math.min(chunk, Math.max(1, rows.length)), source.pixelsPerImage());
    for (int i = 0; i < bufferCount; i++) {
      free.add(new float[length]);
    }
    int id = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tune4j-decode-" + id + "-" + n.incrementAndGet());
      t.setDaemon(true);
      workers.add(t);
      return t;
    });
    synchronized (lock) {
      pump();
    }
  }

  /**
   * Starts reading {@code rows} of {@code source} in chunks of {@code chunk} rows, {@code depth} chunks ahead on
   * {@code threads} decoder threads.
   *
   * @throws IllegalArgumentException when a size is below 1, or a chunk's pixels would not fit one array
   * @throws IndexOutOfBoundsException naming the first row outside the source
   */
  public static ChunkPrefetcher start(ImageSource source, int[] rows, int chunk, int threads, int depth) {
    Objects.requireNonNull(source, "source");
    if (chunk < 1 || threads < 1 || depth < 1) {
      throw new IllegalArgumentException("chunk " + chunk + ", threads " + threads + " and depth " + depth
          + " must each be at least 1");
    }
    int[] copy = rows.clone();
    for (int k = 0; k < copy.length; k++) {
      if (copy[k] < 0 || copy[k] >= source.size()) {
        throw new IndexOutOfBoundsException("row " + copy[k] + " (position " + k + ") is outside [0, "
            + source.size() + ") of " + source.describe());
      }
    }
    return new ChunkPrefetcher(source, copy, chunk, threads, depth);
  }

  private int chunks() {
    return (rows.length + chunk - 1) / chunk;
  }

  /** Submits chunks while fewer than depth are in flight and a buffer is free; holds the lock. */
  private void pump() {
    while (!closed && inFlight.size() < depth && submitted < chunks() && !free.isEmpty()) {
      float[] buffer = free.poll();
      int from = submitted * chunk;
      int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + chunk));
      submitted++;
      inFlight.add(pool.submit(() -> {
        try {
          source.read(part, buffer);
        } catch (RuntimeException | Error e) {
          giveBack(buffer);
          throw e;
        }
        return new Chunk(part, buffer);
      }));
    }
  }

  private void giveBack(float[] buffer) {
    synchronized (lock) {
      free.add(buffer);
      pump();
    }
  }

  /** Whether chunks remain. */
  public boolean hasNext() {
    return delivered < chunks();
  }

  /**
   * The next chunk, waiting for it to be read.
   *
   * @throws UnreadableRowException (or whatever the source threw) when a row of this chunk cannot be read
   * @throws IllegalStateException when this prefetcher is closed, or every buffer is held by chunks not closed
   * @throws NoSuchElementException when every chunk was delivered
   */
  public Chunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + chunks() + " chunks were delivered");
    }
    Future<Chunk> f;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("this prefetcher is closed; start another to read more chunks");
      }
      pump();
      f = inFlight.poll();
      if (f == null) {
        throw new IllegalStateException("all " + bufferCount + " chunk buffers are held by chunks that were not"
            + " closed; close each chunk when done with it (try-with-resources), or start with a larger depth");
      }
      pump();                                   // keep depth chunks decoding behind the one handed out
    }
    delivered++;
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for decoded images", e);
    } catch (CancellationException e) {
      throw new IllegalStateException("this prefetcher was closed while waiting for a chunk", e);
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

  /**
   * Cancels what is still being read and ends the decoder threads, waiting (up to 10 seconds in all)
   * for each to end: a decode in progress finishes its image first. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      inFlight.forEach(f -> f.cancel(true));
      inFlight.clear();
    }
    pool.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
    try {
      for (Thread t : workers) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
