package org.tune4j.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.tune4j.cli.job.DataSource;
import org.tune4j.cli.job.Job;
import org.tune4j.cli.report.ReportWriter;
import org.tune4j.models.backend.BackendInfo;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.ImageData;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.tune.ViewPredictions;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.execution.TaskExecutor;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.ResampledData;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.input.Inputs;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.MetricEstimate;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.Selection;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.EarlierResults;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.RoundJson;
import org.tune4j.tuning.search.SearchStrategy;

/**
 * Runs a job in its run directory: reads the journal (skipping tasks already done), tunes with
 * every finished task appended to the journal, writes the results, picks the best candidate, fits
 * it on all training images and scores it on the test images, then writes {@code best.json} and the
 * report. Stateless; one run per directory at a time, enforced by {@link RunLock}.
 *
 * <pre>{@code
 * RunSummary s = JobRunner.run(job, RunDirectory.create(dir, job, text), console, Clock.systemUTC(), System::nanoTime);
 * }</pre>
 */
public final class JobRunner {
  private JobRunner() {}

  /**
   * What a finished run produced.
   *
   * @param results the tuning results
   * @param best the candidate chosen by the job's {@code select_by} metric
   * @param testMetrics the last fit's metrics on the test images, by name
   * @param resumedTasks how many tasks came from the journal
   * @param fineTunedMetrics the fine-tuned model's metrics on the test images, by name; empty without
   *     {@code fine_tune}
   */
  public record RunSummary(TuneResults results, Selection best, Map<String, Double> testMetrics, int resumedTasks,
      Map<String, Double> fineTunedMetrics) {}

  /**
   * Runs {@code job} in {@code run}.
   *
   * @throws org.tune4j.tuning.engine.AllModelsFailedException when every fit failed
   * @throws IllegalArgumentException for a damaged journal
   * @throws RunDirectoryException when the run directory cannot be written
   * @throws RunDirectoryInUseException when another run holds the directory ({@link RunLock})
   */
  public static RunSummary run(Job job, RunDirectory run, Console console, Clock clock, LongSupplier nanoClock)
      throws IOException {
    return run(job, run, console, clock, nanoClock, ClusterRun.Options.LOCAL);
  }

  /**
   * Runs {@code job} in {@code run}, its featurizing and fits on the cluster of {@code --master} and its features in
   * the store of {@code --feature-store} when given ({@link ClusterRun}), as
   * {@link #run(Job, RunDirectory, Console, Clock, LongSupplier)} otherwise.
   */
  static RunSummary run(Job job, RunDirectory run, Console console, Clock clock, LongSupplier nanoClock,
      ClusterRun.Options cluster) throws IOException {
    try (RunLock lock = RunLock.acquire(run.dir(), clock)) {
      RunLog log = RunLog.of(run.file(RunDirectory.LOG), clock);
      lock.tookOver().ifPresent(old -> {
        log.line("run.lock: took over the stale lock of " + old.describe() + " (that process ended without releasing"
            + " it)");
        console.message("Took over the stale lock of an earlier run that was killed (" + old.describe() + ")");
      });
      try {
        return runLocked(job, run, console, clock, nanoClock, log, lock, cluster);
      } catch (RuntimeException | Error e) {
        logFailure(log, e);
        throw e;
      }
    }
  }

  /**
   * Logs what ended the run: the stack trace, for a report; only the message when memory ran out
   * (printing the trace could run out again). A log that cannot be written is left as it is.
   */
  private static void logFailure(RunLog log, Throwable e) {
    try {
      if (e instanceof OutOfMemoryError) {
        log.line("failed: " + e);
        return;
      }
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      log.line("failed: " + trace.toString().stripTrailing());
    } catch (RuntimeException | Error again) {
      // the failure itself is what is reported
    }
  }

  private static RunSummary runLocked(Job job, RunDirectory run, Console console, Clock clock, LongSupplier nanoClock,
      RunLog log, RunLock lock, ClusterRun.Options cluster) throws IOException {
    long t0 = nanoClock.getAsLong();
    Journal.Contents earlier = readJournal(job, run, log, console);
    // a race or a Bayesian search does not know its number of tasks in advance: the stop line counts them only
    try (StopHook stop = StopHook.install(run.dir(), lock, console, earlier.outcomes().size(),
        job.search().isGrid() ? job.grid().size() * job.resampling().count() : 0);
        TaskExecutor executor = ClusterRun.executor(cluster.master(), job, log, console)) {
      return runStoppable(job, run, console, clock, nanoClock, log, t0, earlier, stop, executor, cluster);
    }
  }

  private static RunSummary runStoppable(Job job, RunDirectory run, Console console, Clock clock,
      LongSupplier nanoClock, RunLog log, long t0, Journal.Contents earlier, StopHook stop, TaskExecutor executor,
      ClusterRun.Options cluster) throws IOException {
    BackendInfo backend = NativeBackend.initialize();
    log.line(backend.summary());
    console.message("Native backend: " + backend.summary());
    DataSource.Sources data = Inputs.check(job::sources);
    job.preprocessing().ifPresent(m -> log.line("images prepared with Keras' " + m.modeName()
        + " preprocessing (backbone.preprocessing)"));
    data.skipped().forEach(m -> log.line("skipped: " + m));
    if (!data.skipped().isEmpty()) {
      console.message("Skipped " + data.skipped().size() + " unreadable images (listed in run.log), the first: "
          + data.skipped().get(0));
    }
    Path cacheFolder = run.dir().toAbsolutePath().getParent().resolve("feature-cache");
    FeatureCache cache = ClusterRun.cache(cluster, cacheFolder, log);
    ImageSplit split = ClusterRun.portable(Inputs.check(() -> ImageSplit.of(data.train(), data.test()))
        .withFeatureCache(cache), run, executor);
    ImageData train = split.trainingData();
    ResampledData folds = Inputs.check(() -> train.resamples(job.resampling().make(train.labels(),
        job.trainGroups(data.trainRows()), job.seed())));
    Inputs.checkAll(() -> job.search().earlier().ifPresent(e -> EarlierResults.check(e.results(),
        job.spec().parameters(), folds.resamples(), job.metrics())));
    String dataLine = String.format(Locale.ROOT, "Data: %s: %d training and %d test images, %d×%d×%d, %d classes",
        job.data().describe(), data.train().size(), data.test().size(), data.train().height(), data.train().width(),
        data.train().channels(), data.train().levels().size());
    log.line(dataLine + String.format(Locale.ROOT, " (loaded in %.1f s)", seconds(nanoClock, t0)));
    console.message(dataLine);
    String what = job.search().bayes().map(b -> String.format(Locale.ROOT, "Bayesian search: %d initial candidates%s,"
        + " then up to %d iterations of %d, × %s", job.grid().size(), job.search().earlier().map(e -> " from "
        + e.dir()).orElse(""), b.iter(), b.batch(), job.resampling().describe()))
        .orElseGet(() -> String.format(Locale.ROOT, "%s %d candidates × %s", job.search().isGrid() ? "Tuning"
            : "Racing", job.grid().size(), job.resampling().describe()));
    console.message(String.format(Locale.ROOT, "%s with %d threads; run directory %s", what, job.threads(), run.dir()));
    long t1 = nanoClock.getAsLong();
    TuneResults results;
    try (Journal journal = Journal.open(run.file(Journal.FILE))) {
      stop.journal(journal);
      SearchStrategy strategy = job.search().strategy(job.grid());
      List<Round> replayed = Inputs.check(() -> earlier.rounds(job.spec().parameters(), folds.resamples()));
      replayed.forEach(r -> announce(r, log, console));
      Control control = Control.builder().threads(job.threads()).seed(job.seed()).metrics(job.metrics())
          .eventLevel(job.eventLevel()).savePred(job.savePredictions()).nanoClock(nanoClock).progress(console::progress)
          .onTaskDone(journal::append).completed(earlier.outcomes())
          .onRoundDecided(r -> {
            if (!job.search().isGrid()) {
              journal.appendRound(RoundJson.toTree(strategy.name(), r, folds.resamples()));
              announce(r, log, console);
            }
          })
          .completedRounds(replayed).executor(executor).build();
      results = Tune.search(job.spec(), folds, strategy, control);
    } finally {
      stop.journal(null);
    }
    split.featurizeLog().forEach(log::line);
    String first = job.metrics().names().get(0);
    if (job.search().isGrid()) {
      log.line(String.format(Locale.ROOT, "tuning: %d tasks in %.1f s (featurizing included)",
          job.grid().size() * job.resampling().count(), seconds(nanoClock, t1)));
    } else {
      log.line(String.format(Locale.ROOT, "tuning: %d fits of %d candidates on %s (%s) in %.1f s (featurizing"
          + " included)", results.metricSummaries().stream().filter(m -> m.metric().equals(first))
          .mapToInt(m -> m.n()).sum(), results.metricSummaries().stream().filter(m -> m.metric().equals(first))
          .count(), job.resampling().describe(), job.search().type(), seconds(nanoClock, t1)));
    }
    try {
      results.writeCsv(run.dir());
    } catch (IOException e) {
      throw new RunDirectoryException(run.dir(), e);
    }
    long t2 = nanoClock.getAsLong();
    Selection best = results.selectBest(job.selectBy());
    ModelSpec finalSpec = job.spec().finalize(best.values());
    LastFit fit = Tune.lastFit(finalSpec, split, Control.builder().threads(job.threads()).seed(job.seed())
        .metrics(job.metrics()).eventLevel(job.eventLevel()).nanoClock(nanoClock).executor(executor).build());
    Map<String, Double> test = new LinkedHashMap<>();
    for (MetricEstimate e : fit.collectMetrics().rows()) {
      test.put(e.metric(), e.estimate());
    }
    log.line(String.format(Locale.ROOT, "last fit of %s %s: %s (%.1f s)", best.configId(), best.values(), test,
        seconds(nanoClock, t2)));
    if (job.testTimeViews() > 0) {
      ViewPredictions tta = split.predictWithViews(fit, job.testTimeViews());
      String line = String.format(Locale.ROOT, "test-time augmentation over %d views: test accuracy %.4f (plain"
          + " images %.4f)", tta.views(), tta.averagedAccuracy(), tta.plainAccuracy());
      log.line(line);
      console.message(line);
    }
    Map<String, Double> tuned = job.fineTune().map(o -> FineTuneStep.run(job, o, fit, split, run, console, log,
        nanoClock)).orElse(Map.of());
    run.write(RunDirectory.BEST, bestJson(job, results, best, test, tuned));
    ReportWriter.write(run);
    log.line(String.format(Locale.ROOT, "done in %.1f s", seconds(nanoClock, t0)));
    return new RunSummary(results, best, test, earlier.outcomes().size(), tuned);
  }

  /** A search round's message on the console and in the log, and its eliminations in the log. */
  private static void announce(Round round, RunLog log, Console console) {
    if (!round.message().isEmpty()) {
      console.message(round.message());
      log.line("search round " + round.number() + ": " + round.message());
    }
    round.decisions().forEach(d -> log.line("  " + d.kind() + (d.configId().isEmpty() ? "" : " " + d.configId()) + " "
        + d.values() + (d.detail().isEmpty() ? "" : ": " + d.detail())));
  }

  /** Reads the journal (cutting a torn last line) and logs the run's header; returns what it holds. */
  private static Journal.Contents readJournal(Job job, RunDirectory run, RunLog log, Console console)
      throws IOException {
    Journal.Contents earlier = Inputs.check(() -> Journal.read(run.file(Journal.FILE), job.grid()));
    log.line("tune4j " + version() + ", job \"" + job.name() + "\" in " + run.dir().toAbsolutePath());
    log.line(RunLog.environment());
    earlier.tornLine().ifPresent(torn -> {
      log.line("journal: dropped a torn last line (the run was killed while writing it): " + torn);
      console.message("Dropped a torn last journal line (the earlier run was killed while writing it)");
      Journal.truncate(run.file(Journal.FILE), earlier.validBytes());
    });
    if (!earlier.outcomes().isEmpty()) {
      log.line("resume: " + earlier.outcomes().size() + " finished tasks read from the journal");
      console.message("Resuming: " + earlier.outcomes().size() + " finished tasks in the journal are not run again");
    }
    job.notes().forEach(n -> {
      log.line(n);
      console.message(n);
    });
    return earlier;
  }

  private static String bestJson(Job job, TuneResults results, Selection best, Map<String, Double> test,
      Map<String, Double> fineTuned) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("select_by", job.selectBy());
    m.put("config", best.configId());
    m.put("values", new LinkedHashMap<>(best.values()));
    for (MetricSummary s : results.metricSummaries()) {
      if (s.configId().equals(best.configId()) && s.metric().equals(job.selectBy())) {
        m.put("mean", finite(s.mean()));
        m.put("std_err", finite(s.stdErr()));
        m.put("n", s.n());
      }
    }
    Map<String, Object> t = new LinkedHashMap<>();
    test.forEach((k, v) -> t.put(k, finite(v)));
    m.put("test", t);
    if (!fineTuned.isEmpty()) {
      m.put("test_fine_tuned", FineTuneStep.finiteMap(fineTuned));
    }
    m.put("resamples_fingerprint", results.resamplesFingerprint());
    return Json.write(m);
  }

  private static Object finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  private static double seconds(LongSupplier clock, long start) {
    return (clock.getAsLong() - start) / 1e9;
  }

  /** The tune4j version from the jar's manifest, or "dev". */
  public static String version() {
    String v = JobRunner.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
