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

/**
 * Runs a plan's fits on every resample on a bounded pool: tasks are taken one at a time from a
 * shared counter (never all materialised), each writes only its own result slot, and the results
 * are put together in task order, so the outcome does not depend on the number of threads.
 */
final class TaskRunner {
  private final ModelEngine engine;
  private final Resamples resamples;
  private final TaskPlan plan;
  private final Control control;

  TaskRunner(ModelEngine engine, Resamples resamples, TaskPlan plan, Control control) {
    this.engine = engine;
    this.resamples = resamples;
    this.plan = plan;
    this.control = control;
  }

  /** What one task produced. */
  record TaskResult(List<MetricRow> metrics, List<Note> notes, List<PredictionRow> predictions) {}

  /** Runs every task; returns their results in task order (resample-major, then group). */
  List<TaskResult> run() {
    int nGroups = plan.groups().size();
    int total = nGroups * resamples.size();
    int workers = Math.max(1, Math.min(control.threads(), total));
    engine.prepare(plan.groups().stream().map(TaskPlan.Group::finalSpec).toList(), control.threads());
    engine.configureThreads(workers, control.threads());
    TaskResult[] slots = new TaskResult[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = control.nanoClock().getAsLong();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "tune4j-fit");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
            slots[k] = runTask(k / nGroups, plan.groups().get(k % nGroups));
            Progress p = new Progress(done.incrementAndGet(), total, control.nanoClock().getAsLong() - start);
            synchronized (control) {
              control.progress().accept(p);
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

  private TaskResult runTask(int splitIndex, TaskPlan.Group group) {
    Split split = resamples.get(splitIndex);
    String noteId = split.id() + split.id2().map(s -> "/" + s).orElse("");
    List<MetricRow> rows = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<PredictionRow> predictions = new ArrayList<>();
    List<ClassPredictions> scored;
    try {
      String label = group.members().get(0) + (group.members().size() > 1 ? "…" : "") + " " + noteId + ": ";
      scored = engine.fitAndPredict(group.finalSpec(), split.analysis(), split.assessment(), group.checkpointArray(),
          seedFor(control.seed(), splitIndex), control.verbose() ? line -> control.epochLog().accept(label + line) : null);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      group.members().forEach(id -> notes.add(new Note(id, noteId, "fit", "error", message)));
      return new TaskResult(rows, notes, predictions);
    }
    int[] assessment = split.assessment();
    for (int m = 0; m < group.members().size(); m++) {
      String configId = group.members().get(m);
      Map<String, Object> values = group.memberValues().get(m);
      ClassPredictions p = scored.get(group.memberCheckpoint().get(m));
      if (hasNaN(p)) {
        notes.add(new Note(configId, noteId, "fit", "error", "training diverged: the predicted probabilities are NaN;"
            + " lower the learning rate"));
        continue;
      }
      MetricTable table = control.metrics().evaluate(p);
      for (MetricEstimate e : table.rows()) {
        rows.add(new MetricRow(configId, values, split.id(), split.id2(), e.metric(), e.estimator(), e.estimate()));
        e.warnings().forEach(w -> notes.add(new Note(configId, noteId, "metrics", "warning", e.metric() + ": " + w)));
      }
      if (control.savePred()) {
        predictions.addAll(predictionRows(p, assessment, noteId, configId));
      }
    }
    return new TaskResult(rows, notes, predictions);
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
