package org.tune4j.tuning.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.ModelEngine.FitResult;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * One unit of work an executor runs: final specs fitted together on the same analysis rows with the
 * same seed, each predicting the assessment rows after its checkpoints. Everything in it is decided
 * by the run and the resample, never by the executor, so any executor gives the same results.
 *
 * @param index the task's position in the list the executor was given
 * @param specs the final specs, fitted together ({@link ModelEngine#fitAndPredictTogether})
 * @param checkpoints for each spec, its ascending epoch checkpoints (empty: once, at the end)
 * @param seed the seed of every fit of the task
 * @param label how epoch-log lines of this task start ({@code "Model03 Fold2: "})
 */
public record FitTask(int index, List<TunableSpec> specs, int[] analysis, int[] assessment, List<int[]> checkpoints,
    long seed, String label) {

  /** Validates and copies. */
  public FitTask {
    if (index < 0) {
      throw new IllegalArgumentException("task index " + index + " must be at least 0");
    }
    specs = List.copyOf(specs);
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("a task fits at least one spec");
    }
    if (checkpoints.size() != specs.size()) {
      throw new IllegalArgumentException(checkpoints.size() + " checkpoint lists for " + specs.size()
          + " specs; give one per spec");
    }
    analysis = analysis.clone();
    assessment = assessment.clone();
    checkpoints = checkpoints.stream().map(int[]::clone).toList();
    Objects.requireNonNull(label, "label");
  }

  @Override
  public int[] analysis() {
    return analysis.clone();
  }

  @Override
  public int[] assessment() {
    return assessment.clone();
  }

  @Override
  public List<int[]> checkpoints() {
    return checkpoints.stream().map(int[]::clone).toList();
  }

  /**
   * Runs the task on {@code engine}: one result per spec, in order. A failure of the whole call (an exception, a
   * stack overflow, running out of memory) becomes every spec's failure, as a failed fit is a note, not the end of
   * the run.
   *
   * @param epochLog receives the task's epoch lines (already prefixed with its label), or null for none
   */
  public List<FitResult> runOn(ModelEngine engine, Consumer<String> epochLog) {
    try {
      return engine.fitAndPredictTogether(specs, analysis, assessment, checkpoints, seed,
          epochLog == null ? null : line -> epochLog.accept(label + line));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
      List<FitResult> out = new ArrayList<>();
      specs.forEach(s -> out.add(FitResult.failed(failure)));
      return out;
    }
  }
}
