package org.tune4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.tune4j.tuning.engine.ModelEngine.FitResult;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.FitTask;
import org.tune4j.tuning.execution.PortableEngine;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * One task as it travels to an executor: the engine's recipe (a broadcast: sent to each executor once, content keys
 * and all), the final specs as text, the rows, the checkpoints and the seed the driver chose. {@link #run()} runs
 * there.
 *
 * @param threads the threads the task may use (Spark's {@code spark.task.cpus})
 * @param verbose whether to send the fits' epoch lines back
 */
record FitJob(Broadcast<EngineRecipe> recipe, List<String> specs, int[] analysis, int[] assessment, List<int[]> checkpoints,
    long seed, String label, int threads, boolean verbose) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A spec's outcome as it travels back: predictions per checkpoint, or the failure's message. */
  record SpecReply(List<ClassPredictions> predictions, String failure) implements Serializable {
    private static final long serialVersionUID = 1L;

    FitResult toResult() {
      return failure == null ? FitResult.of(predictions) : FitResult.failed(new RemoteFitException(failure));
    }
  }

  /** The task's outcome as it travels back, with its epoch lines. */
  record Reply(List<SpecReply> specs, List<String> log) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static FitJob of(FitTask task, PortableEngine engine, Broadcast<EngineRecipe> recipe, int threads,
      boolean verbose) {
    return new FitJob(recipe, task.specs().stream().map(engine::specText).toList(), task.analysis(),
        task.assessment(), task.checkpoints(), task.seed(), task.label(), threads, verbose);
  }

  /** Runs on an executor: the engine of the recipe (built once per executor JVM), its shared work found done, the fit. */
  Reply run() {
    EngineRecipe built = recipe.value();
    PortableEngine engine = WorkerEngines.get(built);
    List<TunableSpec> finalSpecs = specs.stream().map(built::spec).toList();
    engine.prepare(finalSpecs, threads);
    engine.configureThreads(1, threads);
    List<String> log = new ArrayList<>();
    FitTask task = new FitTask(0, finalSpecs, analysis, assessment, checkpoints, seed, label);
    List<FitResult> results = task.runOn(engine, verbose ? log::add : null);
    List<SpecReply> replies = new ArrayList<>();
    for (FitResult r : results) {
      replies.add(r.failure() == null ? new SpecReply(r.predictions(), null) : new SpecReply(List.of(),
          r.failure().getMessage() == null ? r.failure().getClass().getSimpleName() : r.failure().getMessage()));
    }
    return new Reply(replies, log);
  }
}
