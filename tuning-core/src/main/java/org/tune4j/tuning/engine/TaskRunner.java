package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Split;
import org.tune4j.tuning.execution.FitTask;
import org.tune4j.tuning.execution.TaskExecutor;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.MetricEstimate;
import org.tune4j.tuning.metrics.MetricTable;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;
import org.tune4j.tuning.search.SearchState;

/**
 * Runs a plan's fits on some of the resamples (all of them for a grid, one more for a race's round)
 * through the run's {@link TaskExecutor}: each task's results are scored as they come back and
 * written to the task's own result slot, and the results are put together in task order, so the
 * outcome depends neither on the number of threads nor on where the fits ran.
 */
final class TaskRunner {
  private final ModelEngine engine;
  private final Resamples resamples;
  private final TaskPlan plan;
  private final int[] splits;
  private final Control control;
  private final int tasksBefore;
  private final RunClock clock;

  /** Every resample, progress counted from this run's start. */
  TaskRunner(ModelEngine engine, Resamples resamples, TaskPlan plan, Control control) {
    this(engine, resamples, plan, java.util.stream.IntStream.range(0, resamples.size()).toArray(), control, 0,
        new RunClock(control.nanoClock()));
  }

  /**
   * The resamples of indices {@code splits}; progress adds {@code tasksBefore} tasks done by earlier rounds, and
   * rates run from {@code clock}'s start (set after the first featurizing of the search).
   */
  TaskRunner(ModelEngine engine, Resamples resamples, TaskPlan plan, int[] splits, Control control, int tasksBefore,
      RunClock clock) {
    this.engine = engine;
    this.resamples = resamples;
    this.plan = plan;
    this.splits = splits.clone();
    this.control = control;
    this.tasksBefore = tasksBefore;
    this.clock = clock;
  }

  /** Tasks this runner covers: groups times resamples. */
  int tasks() {
    return plan.groups().size() * splits.length;
  }

  /**
   * Runs every task not already done; returns all outcomes in task order (resample-major in the order given, then
   * group).
   */
  List<TaskOutcome> run() {
    int nGroups = plan.groups().size();
    int total = nGroups * splits.length;
    TaskOutcome[] slots = new TaskOutcome[total];
    List<Integer> todo = new ArrayList<>();
    for (int k = 0; k < total; k++) {
      TaskOutcome earlier = control.completed().get(keyOf(splits[k / nGroups], plan.groups().get(k % nGroups)));
      if (earlier != null) {
        slots[k] = earlier;
      } else {
        todo.add(k);
      }
    }
    if (todo.isEmpty()) {
      return List.of(slots);
    }
    List<Job> jobs = jobs(slots, nGroups);
    List<FitTask> tasks = new ArrayList<>();
    for (int j = 0; j < jobs.size(); j++) {
      tasks.add(task(j, jobs.get(j)));
    }
    TaskExecutor executor = control.executor();
    executor.prepare(engine, plan.groups().stream().map(TaskPlan.Group::finalSpec).toList(), control.threads(),
        control.progress());
    clock.startIfUnset();
    AtomicInteger done = new AtomicInteger(tasksBefore + total - todo.size());
    int shownTotal = tasksBefore + total;
    executor.fit(engine, tasks, control.threads(), control.verbose() ? control.epochLog() : null, (task, fits) -> {
      Job job = jobs.get(task.index());
      List<TaskOutcome> outcomes = score(job, fits);
      for (int g = 0; g < job.groups().size(); g++) {
        int k = job.position() * nGroups + job.groups().get(g);
        if (slots[k] != null) {
          continue; // done in an earlier run; refitted only to keep its chunk's companions
        }
        slots[k] = outcomes.get(g);
        synchronized (control) {
          control.onTaskDone().accept(outcomes.get(g));
          control.progress().accept(new Progress(done.incrementAndGet(), shownTotal, clock.elapsed()));
        }
      }
    });
    for (int k = 0; k < total; k++) {
      if (slots[k] == null) {
        throw new IllegalStateException("executor " + executor.name() + " returned without the results of task "
            + keyOf(splits[k / nGroups], plan.groups().get(k % nGroups)));
      }
    }
    return List.of(slots);
  }

  /** The seed of every fit on resample {@code index}: shared by all candidates, as heads batch together. */
  static long seedFor(long runSeed, int index) {
    return new SplittableRandom(runSeed ^ (0x9E3779B97F4A7C15L * (index + 1))).nextLong();
  }

  private String keyOf(int splitIndex, TaskPlan.Group group) {
    return TaskOutcome.key(group.members().get(0), resampleId(resamples.get(splitIndex)));
  }

  static String resampleId(Split split) {
    return SearchState.idOf(split);
  }

  /**
   * Work for one worker: groups of one resample fitted in one engine call (one group unless the
   * engine trains several specs together).
   *
   * @param position the resample's position in this runner's list
   * @param split the resample's index in the run's resamples (its fits' seed comes from it)
   */
  record Job(int position, int split, List<Integer> groups) {}

  /**
   * The jobs: each resample's groups cut into fixed chunks of {@link ModelEngine#maxSpecsPerFit},
   * the same chunks in every run (so a resumed run trains each pending group with the very same
   * companions as an uninterrupted one, and gets the same numbers); chunks whose groups are all done
   * are skipped.
   */
  private List<Job> jobs(TaskOutcome[] slots, int nGroups) {
    int perFit = Math.max(1, engine.maxSpecsPerFit());
    List<Job> jobs = new ArrayList<>();
    for (int position = 0; position < splits.length; position++) {
      for (int from = 0; from < nGroups; from += perFit) {
        List<Integer> chunk = new ArrayList<>();
        boolean pending = false;
        for (int g = from; g < Math.min(nGroups, from + perFit); g++) {
          chunk.add(g);
          pending |= slots[position * nGroups + g] == null;
        }
        if (pending) {
          jobs.add(new Job(position, splits[position], List.copyOf(chunk)));
        }
      }
    }
    return jobs;
  }

  private FitTask task(int index, Job job) {
    Split split = resamples.get(job.split());
    List<TaskPlan.Group> groups = job.groups().stream().map(g -> plan.groups().get(g)).toList();
    String label = groups.get(0).members().get(0) + (groups.size() > 1 || groups.get(0).members().size() > 1 ? "…" : "")
        + " " + resampleId(split) + ": ";
    return new FitTask(index, groups.stream().map(TaskPlan.Group::finalSpec).toList(), split.analysis(),
        split.assessment(), groups.stream().map(TaskPlan.Group::checkpointArray).toList(),
        seedFor(control.seed(), job.split()), label);
  }

  private List<TaskOutcome> score(Job job, List<ModelEngine.FitResult> fits) {
    Split split = resamples.get(job.split());
    String noteId = resampleId(split);
    List<TaskOutcome> outcomes = new ArrayList<>();
    for (int g = 0; g < job.groups().size(); g++) {
      TaskPlan.Group group = plan.groups().get(job.groups().get(g));
      outcomes.add(score(split, noteId, group, keyOf(job.split(), group), fits.get(g)));
    }
    return outcomes;
  }

  private TaskOutcome score(Split split, String noteId, TaskPlan.Group group, String key, ModelEngine.FitResult fit) {
    List<MetricRow> rows = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<PredictionRow> predictions = new ArrayList<>();
    if (fit.failure() != null) {
      Throwable e = fit.failure();
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      group.members().forEach(id -> notes.add(new Note(id, noteId, "fit", "error", message)));
      return new TaskOutcome(key, group.members(), rows, notes, predictions);
    }
    int[] assessment = split.assessment();
    for (int m = 0; m < group.members().size(); m++) {
      String configId = group.members().get(m);
      Map<String, Object> values = group.memberValues().get(m);
      ClassPredictions p = fit.predictions().get(group.memberCheckpoint().get(m));
      if (hasNaN(p)) {
        notes.add(new Note(configId, noteId, "fit", "error", "training diverged: the predicted probabilities are NaN;"
            + " lower the learning rate"));
        continue;
      }
      MetricTable table = control.metrics().evaluate(p, control.eventLevel());
      for (MetricEstimate e : table.rows()) {
        rows.add(new MetricRow(configId, values, split.id(), split.id2(), e.metric(), e.estimator(), e.estimate()));
        e.warnings().forEach(w -> notes.add(new Note(configId, noteId, "metrics", "warning", e.metric() + ": " + w)));
      }
      if (control.savePred()) {
        predictions.addAll(predictionRows(p, assessment, noteId, configId));
      }
    }
    return new TaskOutcome(key, group.members(), rows, notes, predictions);
  }

  static boolean hasNaN(ClassPredictions p) {
    if (!p.hasProbabilities()) {
      return false;
    }
    for (int i = 0; i < p.size(); i++) {
      for (int k = 0; k < p.numLevels(); k++) {
        if (Double.isNaN(p.probability(i, k))) {
          return true;
        }
      }
    }
    return false;
  }

  static List<PredictionRow> predictionRows(ClassPredictions p, int[] rows, String id, String configId) {
    List<PredictionRow> out = new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      List<Double> probs = new ArrayList<>(p.numLevels());
      for (int k = 0; k < p.numLevels(); k++) {
        probs.add(p.hasProbabilities() ? p.probability(i, k) : Double.NaN);
      }
      out.add(new PredictionRow(rows[i], id, configId, p.levels().get(p.truth(i)), p.levels().get(p.predicted(i)), probs));
    }
    return out;
  }
}
