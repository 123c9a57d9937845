package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.backend.NativeThreads;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.results.TuneResults;

/**
 * Two runs with different thread budgets at once in one JVM (a server, an executor with two task slots) give what
 * each gives alone, and leave nothing behind: no claim on the native threads, no optimizer threads.
 */
class TwoRunsInOneJvmTest {
  private static ImageSplit split(int perClass) {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSplit.of(new TrainTest(TuneGridTest.prepare(sample.train().firstPerClass(perClass)),
        TuneGridTest.prepare(sample.test().firstPerClass(2))));
  }

  /** A search and its last fit (one fit with the whole budget: the optimizer step splits over its threads). */
  private static java.util.List<Object> run(ImageSplit split, int threads) {
    ModelSpec spec = TuneGridTest.spec();
    Grid grid = TuneGridTest.grid(spec);
    Control control = Control.builder().threads(threads).seed(5).build();
    TuneResults res = Tune.tuneGrid(spec, split.vfoldCv(3, 42), grid, control);
    LastFit fit = Tune.lastFit(spec.finalize(res.selectBest("accuracy").values()), split, control);
    return java.util.List.of(res.metricRows(), fit.collectMetrics().rows());
  }

  private static java.util.Set<Thread> updaterThreads() {
    java.util.Set<Thread> out = new java.util.HashSet<>();
    Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("tune4j-head-updater"))
        .forEach(out::add);
    return out;
  }

  /** Whether every updater thread started since {@code earlier} has ended (within a few seconds of shutdown). */
  private static boolean noNewUpdaterThreads(java.util.Set<Thread> earlier) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      java.util.Set<Thread> now = updaterThreads();
      now.removeAll(earlier);
      if (now.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  @Test
  void concurrentRunsEqualTheirSoloResultsAndReleaseTheirThreads() {
    NativeBackend.initialize();
    int before = NativeThreads.current();
    int leases = NativeThreads.leases();
    java.util.Set<Thread> earlier = updaterThreads();
    java.util.List<Object> aloneA = run(split(8), 2);
    java.util.List<Object> aloneB = run(split(6), 1);
    CompletableFuture<java.util.List<Object>> a = CompletableFuture.supplyAsync(() -> run(split(8), 2));
    CompletableFuture<java.util.List<Object>> b = CompletableFuture.supplyAsync(() -> run(split(6), 1));
    assertEquals(aloneA, a.join(), "tuning metrics and last-fit metrics of the 2-thread run");
    assertEquals(aloneB, b.join(), "tuning metrics and last-fit metrics of the 1-thread run");
    assertEquals(leases, NativeThreads.leases(), "every engine ended its claim");
    assertEquals(before, NativeThreads.current(), "ND4J's thread count is what it was before the runs");
    assertTrue(noNewUpdaterThreads(earlier), "the optimizer's helper threads ended with each fit");
  }
}
