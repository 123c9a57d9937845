package org.tune4j.models.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes the content keys of every row of a source on a bounded pool of threads: hashing 50,000
 * image files is disk- and SHA-bound work that should use the cores, no more. Sources remember each
 * key, so asking again is cheap. The pool's threads are daemons named {@code tune4j-hash-…}, made
 * for one call and ended before it returns (a failure cancels the rest). Stateless and thread-safe.
 *
 * <pre>{@code
 * List<String> keys = ContentKeys.all(ImageSources.folder(root, options), 2);
 * }</pre>
 */
public final class ContentKeys {
  private static final AtomicInteger POOLS = new AtomicInteger();
  private static final int ROWS_PER_TASK = 64;

  private ContentKeys() {}

  /**
   * The content key of every row, in row order, computed on {@code threads} threads.
   *
   * @throws UnreadableRowException of the first row (in row order) whose bytes cannot be read
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public static List<String> all(ImageSource source, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
    }
    int n = source.size();
    String[] keys = new String[n];
    int id = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tune4j-hash-" + id + "-" + count.incrementAndGet());
      t.setDaemon(true);
      workers.add(t);
      return t;
    });
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int from = 0; from < n; from += ROWS_PER_TASK) {
        int start = from;
        int end = Math.min(n, from + ROWS_PER_TASK);
        parts.add(pool.submit(() -> {
          for (int r = start; r < end; r++) {
            keys[r] = source.contentKey(r);
          }
        }));
      }
      for (Future<?> part : parts) {          // in order: the first failure in row order is the one thrown
        part.get();
      }
      return List.of(keys);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing " + source.describe(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("hashing " + source.describe() + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      awaitEnd(pool, workers);
    }
  }

  /** Waits for the pool to terminate and its threads to exit (a terminated pool's threads may still be alive briefly). */
  private static void awaitEnd(ExecutorService pool, List<Thread> workers) {
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
      for (Thread t : workers) {
        t.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
