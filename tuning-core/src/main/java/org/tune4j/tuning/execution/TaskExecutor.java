package org.tune4j.tuning.execution;

import java.util.List;
import java.util.function.Consumer;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.ModelEngine.FitResult;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * Where a run's shared work and fits execute. The search loop decides every round on the driver
 * and hands its tasks here; the executor runs them (on this JVM's threads, or on a cluster) and
 * reports each task's results as it finishes, in any order. Results must not depend on the
 * executor: a task's seed and rows come with it.
 *
 * <pre>{@code
 * Control control = Control.builder().executor(LocalExecutor.instance()).threads(2).build();
 * }</pre>
 *
 * <p>Implementations must be safe to use from one run at a time per call; a run calls
 * {@link #prepare} then {@link #fit}, possibly several times (once per round of a search).
 */
public interface TaskExecutor extends AutoCloseable {

  /** Receives a finished task's results; called from any thread, possibly concurrently for different tasks. */
  @FunctionalInterface
  interface ResultSink {
    /**
     * Task {@code task} finished.
     *
     * @param results one per spec of the task, in order
     */
    void done(FitTask task, List<FitResult> results);
  }

  /** A short name for logs ({@code "local"}, {@code "spark local[2]"}). */
  String name();

  /**
   * Does the engine's shared work for {@code finalSpecs} before any fit (tune4j's engine featurizes each distinct
   * frozen backbone once), with {@code threadBudget} threads, reporting images done to {@code progress}.
   */
  void prepare(ModelEngine engine, List<TunableSpec> finalSpecs, int threadBudget, Consumer<Progress> progress);

  /**
   * Runs every task, handing each one's results to {@code sink} as soon as it finishes; returns when all are done.
   *
   * @param threadBudget the run's thread budget (a cluster executor may use its own cores instead)
   * @param epochLog receives per-epoch lines when the run is verbose, or null
   * @throws IllegalStateException when the executor itself fails outside any fit (a fit's failure is a result)
   */
  void fit(ModelEngine engine, List<FitTask> tasks, int threadBudget, Consumer<String> epochLog, ResultSink sink);

  /** Releases what the executor holds (a cluster connection); the default holds nothing. */
  @Override
  default void close() {}
}
