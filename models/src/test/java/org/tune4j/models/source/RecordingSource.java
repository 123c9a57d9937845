package org.tune4j.models.source;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source for the tests that reads through another and records how it is read: the target arrays
 * (by identity), the threads, the most reads at once; it can fail on one row and hold reads until
 * released.
 */
final class RecordingSource implements ImageSource {
  private final ImageSource base;
  private final int failingRow;
  private final CountDownLatch release;
  final Set<float[]> targets = ConcurrentHashMap.newKeySet();
  final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();

  /** Reads through {@code base}, failing on {@code failingRow} (-1: never), each read waiting for {@code release}. */
  RecordingSource(ImageSource base, int failingRow, CountDownLatch release) {
    this.base = base;
    this.failingRow = failingRow;
    this.release = release;
  }

  RecordingSource(ImageSource base) {
    this(base, -1, new CountDownLatch(0));
  }

  @Override
  public int size() {
    return base.size();
  }

  @Override
  public int height() {
    return base.height();
  }

  @Override
  public int width() {
    return base.width();
  }

  @Override
  public int channels() {
    return base.channels();
  }

  @Override
  public List<String> levels() {
    return base.levels();
  }

  @Override
  public int[] labels() {
    return base.labels();
  }

  @Override
  public String item(int row) {
    return "item " + row;
  }

  @Override
  public String contentKey(int row) {
    return base.contentKey(row);
  }

  @Override
  public String preparation() {
    return base.preparation();
  }

  @Override
  public String describe() {
    return "recording " + base.describe();
  }

  @Override
  public void read(int[] rows, float[] target) {
    targets.add(target);
    threads.add(Thread.currentThread());
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      if (!release.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the reads");
      }
      for (int r : rows) {
        if (r == failingRow) {
          throw new UnreadableRowException(r, item(r), "damaged on purpose", null);
        }
      }
      base.read(rows, target);
      reads.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      running.decrementAndGet();
    }
  }
}
