package org.tune4j.tuning.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.tune4j.tuning.execution.LocalExecutor;
import org.tune4j.tuning.execution.TaskExecutor;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.search.Round;

/**
 * How a tuning run runs (tune's {@code control_grid}): thread budget, seed, metrics, the event level of
 * two-class metrics, whether to keep the held-out predictions, and where progress and per-epoch logs go.
 * Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * Control control = Control.builder().threads(2).seed(42).savePred(true)
 *     .eventLevel(EventLevel.SECOND)       // dogs, not cats, are the event of cats-vs-dogs
 *     .progress(p -> System.err.println(p.format())).build();
 * }</pre>
 *
 * @param threads the thread budget: fits running at once times the library's threads per fit
 * @param seed the run's seed; each resample's fits draw theirs from it
 * @param metrics the metrics to compute
 * @param eventLevel which level of a two-class outcome is the event for precision, recall, f_meas, roc_auc,
 *     pr_auc and the other binary metrics (tune's {@code event_level}); multiclass metrics ignore it
 * @param savePred whether to keep held-out predictions ({@code collectPredictions})
 * @param progress receives progress after every finished task
 * @param epochLog receives per-epoch lines when verbose, or null
 * @param nanoClock the clock for rates and ETA (tests inject their own)
 * @param onTaskDone receives every finished task's outcome, one call at a time (a journal appends it)
 * @param completed outcomes of tasks already done in an earlier run, by key: they are not run again
 * @param onRoundDecided receives every round a search decides, before its fits start (a journal appends it)
 * @param completedRounds rounds an earlier run of the same search decided (from its journal): replayed as they
 *     were, not decided again
 * @param executor where the fits run: this JVM's threads ({@link LocalExecutor}, the default) or a cluster
 */
public record Control(int threads, long seed, MetricSet metrics, EventLevel eventLevel, boolean savePred,
    Consumer<Progress> progress, Consumer<String> epochLog, LongSupplier nanoClock, Consumer<TaskOutcome> onTaskDone,
    Map<String, TaskOutcome> completed, Consumer<Round> onRoundDecided, List<Round> completedRounds,
    TaskExecutor executor) {

  /** Validates. */
  public Control {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
    }
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(eventLevel, "eventLevel");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(onTaskDone, "onTaskDone");
    completed = Map.copyOf(completed);
    Objects.requireNonNull(onRoundDecided, "onRoundDecided");
    completedRounds = List.copyOf(completedRounds);
    Objects.requireNonNull(executor, "executor");
  }

  /**
   * The defaults: all cores, seed 1, tune's default classification metrics, the first level as the event, no
   * predictions kept.
   */
  public static Control defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether per-epoch lines are wanted. */
  public boolean verbose() {
    return epochLog != null;
  }

  /** Builds a {@link Control}; not thread-safe. */
  public static final class Builder {
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 1;
    private MetricSet metrics = MetricSet.defaultClassification();
    private EventLevel eventLevel = EventLevel.FIRST;
    private boolean savePred;
    private Consumer<Progress> progress = p -> { };
    private Consumer<String> epochLog;
    private LongSupplier nanoClock = System::nanoTime;
    private Consumer<TaskOutcome> onTaskDone = o -> { };
    private Map<String, TaskOutcome> completed = Map.of();
    private Consumer<Round> onRoundDecided = r -> { };
    private List<Round> completedRounds = List.of();
    private TaskExecutor executor = LocalExecutor.instance();

    private Builder() {}

    /** The thread budget (default: all cores). */
    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    /** The run's seed (default 1). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** The metrics (default roc_auc, accuracy, brier_class). */
    public Builder metrics(MetricSet m) {
      this.metrics = m;
      return this;
    }

    /** The event of a two-class outcome (default {@link EventLevel#FIRST}, as tune's {@code event_level}). */
    public Builder eventLevel(EventLevel level) {
      this.eventLevel = level;
      return this;
    }

    /** Keep held-out predictions. */
    public Builder savePred(boolean keep) {
      this.savePred = keep;
      return this;
    }

    /** Where progress goes after every task. */
    public Builder progress(Consumer<Progress> sink) {
      this.progress = sink;
      return this;
    }

    /** Log every epoch of every fit to {@code sink} (tune's {@code verbose}). */
    public Builder verbose(Consumer<String> sink) {
      this.epochLog = sink;
      return this;
    }

    /** The clock for rates and ETA. */
    public Builder nanoClock(LongSupplier clock) {
      this.nanoClock = clock;
      return this;
    }

    /** Receive every finished task's outcome, one call at a time, as soon as it finishes. */
    public Builder onTaskDone(Consumer<TaskOutcome> sink) {
      this.onTaskDone = sink;
      return this;
    }

    /**
     * Outcomes of an earlier run of the same grid and resamples (from its journal): these tasks are
     * taken as done, and the results equal those of a run that was never interrupted.
     */
    public Builder completed(java.util.Collection<TaskOutcome> outcomes) {
      Map<String, TaskOutcome> m = new java.util.LinkedHashMap<>();
      outcomes.forEach(o -> m.put(o.key(), o));
      this.completed = m;
      return this;
    }

    /** Receive every round a search decides, before its fits start. */
    public Builder onRoundDecided(Consumer<Round> sink) {
      this.onRoundDecided = sink;
      return this;
    }

    /**
     * Rounds an earlier run of the same search decided (from its journal), in order: replayed as they were, so a
     * resumed search makes the same decisions. Give their tasks' outcomes with {@link #completed}.
     */
    public Builder completedRounds(List<Round> rounds) {
      this.completedRounds = List.copyOf(rounds);
      return this;
    }

    /**
     * Where the fits run (default {@link LocalExecutor}: this JVM's threads). A cluster executor such as
     * tune4j-spark's runs them on its workers; the results are the same.
     */
    public Builder executor(TaskExecutor e) {
      this.executor = e;
      return this;
    }

    /** The control. */
    public Control build() {
      return new Control(threads, seed, metrics, eventLevel, savePred, progress, epochLog, nanoClock, onTaskDone,
          completed, onRoundDecided, completedRounds, executor);
    }
  }
}
