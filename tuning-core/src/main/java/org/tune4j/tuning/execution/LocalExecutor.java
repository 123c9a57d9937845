package org.tune4j.tuning.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * Runs fits on this JVM: a pool of at most the thread budget of workers, each taking the next task
 * from a shared counter (tasks are never all started at once), the library's own threads divided
 * between them ({@link ModelEngine#configureThreads}). The pool belongs to one {@link #fit} call and
 * is shut down when it returns. Stateless and thread-safe: the default of every run.
 */
public final class LocalExecutor implements TaskExecutor {
  private static final LocalExecutor INSTANCE = new LocalExecutor();

  private LocalExecutor() {}

  /** The executor. */
  public static LocalExecutor instance() {
    return INSTANCE;
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public void prepare(ModelEngine engine, List<TunableSpec> finalSpecs, int threadBudget,
      Consumer<Progress> progress) {
    engine.prepare(finalSpecs, threadBudget, progress);
  }

  @Override
  public void fit(ModelEngine engine, List<FitTask> tasks, int threadBudget, Consumer<String> epochLog,
      ResultSink sink) {
    if (tasks.isEmpty()) {
      return;
    }
    int workers = Math.max(1, Math.min(threadBudget, tasks.size()));
    engine.configureThreads(workers, threadBudget);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "tune4j-fit");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int j = next.getAndIncrement(); j < tasks.size(); j = next.getAndIncrement()) {
            FitTask task = tasks.get(j);
            sink.done(task, task.runOn(engine, epochLog));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("tuning was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a tuning worker failed outside any fit: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "LocalExecutor";
  }
}
