package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Split;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.MetricEstimate;
import org.tune4j.tuning.metrics.MetricTable;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;
import org.tune4j.tuning.search.SearchState;

/**
 * Runs a plan's fits on some of the resamples (all of them for a grid, one more for a race's round)
 * on a bounded pool: tasks are taken one at a time from a shared counter (never all materialised),
 * each writes only its own result slot, and the results are put together in task order, so the
 * outcome does not depend on the number of threads.
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
    int workers = Math.max(1, Math.min(control.threads(), jobs.size()));
    engine.prepare(plan.groups().stream().map(TaskPlan.Group::finalSpec).toList(), control.threads(),
        control.progress());
    engine.configureThreads(workers, control.threads());
    clock.startIfUnset();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger(tasksBefore + total - todo.size());
    int shownTotal = tasksBefore + total;
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "tune4j-fit");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int j = next.getAndIncrement(); j < jobs.size(); j = next.getAndIncrement()) {
            Job job = jobs.get(j);
            List<TaskOutcome> outcomes = runJob(job);
            for (int g = 0; g < job.groups().size(); g++) {
              int k = job.position() * nGroups + job.groups().get(g);
              if (slots[k] != null) {
                continue; // done in an earlier run; refitted only to keep its chunk's companions
              }
              slots[k] = outcomes.get(g);
              synchronized (control) {
                control.onTaskDone().accept(outcomes.get(g));
                control.progress().accept(new Progress(done.incrementAndGet(), shownTotal,
                    clock.elapsed()));
              }
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("tuning was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a tuning worker failed outside any fit: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
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

  private List<TaskOutcome> runJob(Job job) {
    Split split = resamples.get(job.split());
    String noteId = resampleId(split);
    List<TaskPlan.Group> groups = job.groups().stream().map(g -> plan.groups().get(g)).toList();
    String label = groups.get(0).members().get(0) + (groups.size() > 1 || groups.get(0).members().size() > 1 ? "…" : "")
        + " " + noteId + ": ";
    List<ModelEngine.FitResult> fits;
    try {
      fits = engine.fitAndPredictTogether(groups.stream().map(TaskPlan.Group::finalSpec).toList(), split.analysis(),
          split.assessment(), groups.stream().map(TaskPlan.Group::checkpointArray).toList(),
          seedFor(control.seed(), job.split()), control.verbose() ? line -> control.epochLog().accept(label + line) : null);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
      fits = groups.stream().map(g -> ModelEngine.FitResult.failed(failure)).toList();
    }
    List<TaskOutcome> outcomes = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      outcomes.add(score(split, noteId, groups.get(g), keyOf(job.split(), groups.get(g)), fits.get(g)));
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
