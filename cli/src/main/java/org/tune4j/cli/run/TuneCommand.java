package org.tune4j.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.cli.Main;
import org.tune4j.cli.job.Job;
import org.tune4j.cli.job.JobReader;
import org.tune4j.tuning.input.Inputs;

/**
 * {@code tune4j tune JOB.yaml [--run-dir DIR]} and {@code tune4j resume RUN_DIR}: check the job,
 * make or reopen the run directory, run, and print the chosen candidate and its test metrics.
 * Stateless.
 */
public final class TuneCommand {
  /** Usage of tune. */
  public static final String TUNE_USAGE = "tune4j tune JOB.yaml [--run-dir DIR] [--threads N] [--master URL]"
      + " [--feature-store URI] [--quiet] [--log-json]";
  /** Usage of resume. */
  public static final String RESUME_USAGE = "tune4j resume RUN_DIR [--threads N] [--master URL] [--feature-store URI]"
      + " [--quiet] [--log-json]";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private TuneCommand() {}

  /** {@code tune}: returns the exit code. */
  public static int tune(List<String> args, PrintStream out, PrintStream err, Clock clock, boolean terminal)
      throws IOException {
    RunOptions o = Inputs.check(() -> RunOptions.parse(args, true, TUNE_USAGE));
    Path jobFile = Path.of(o.target());
    Job job = Inputs.check(() -> withThreads(JobReader.read(jobFile), o));
    Path dir = Path.of(o.runDir().orElse(defaultRunDir(job, clock).toString()));
    String text = Files.readString(jobFile, StandardCharsets.UTF_8);
    return run(job, Inputs.check(() -> RunDirectory.create(dir, job, text)), o, out, err, clock, terminal);
  }

  /** {@code resume}: returns the exit code. */
  public static int resume(List<String> args, PrintStream out, PrintStream err, Clock clock, boolean terminal)
      throws IOException {
    RunOptions o = Inputs.check(() -> RunOptions.parse(args, false, RESUME_USAGE));
    RunDirectory run = new RunDirectory(Path.of(o.target()));
    return run(Inputs.check(() -> withThreads(run.job(), o)), run, o, out, err, clock, terminal);
  }

  /** Runs a checked job in its directory and prints the result line. */
  public static int run(Job job, RunDirectory run, RunOptions o, PrintStream out, PrintStream err, Clock clock,
      boolean terminal) throws IOException {
    Console console = Console.of(Console.modeFor(o.quiet(), o.logJson(), terminal), out, err);
    long start = System.nanoTime();
    JobRunner.RunSummary s = JobRunner.run(job, run, console, clock, System::nanoTime,
        new ClusterRun.Options(o.master(), o.featureStore()));
    double seconds = (System.nanoTime() - start) / 1e9;
    console.message("");
    console.message(s.results().showBest(job.selectBy(), 5).toString());
    Double test = s.testMetrics().get(job.selectBy());
    Double tuned = s.fineTunedMetrics().get(job.selectBy());
    String line = String.format(Locale.ROOT, "Best %s %s; test %s %.4f; %s%.1f s; results in %s (report.html)",
        s.best().configId(), s.best().values(), job.selectBy(), test == null ? Double.NaN : test,
        tuned == null ? "" : String.format(Locale.ROOT, "fine-tuned %.4f; ", tuned), seconds, run.dir());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("config", s.best().configId());
    fields.put("test_" + job.selectBy(), test == null || test.isNaN() ? null : test);
    if (tuned != null) {
      fields.put("fine_tuned_test_" + job.selectBy(), tuned.isNaN() ? null : tuned);
    }
    fields.put("run_dir", run.dir().toString());
    console.result(line, fields);
    return Main.OK;
  }

  /** {@code <output>/<name>-<UTC time>} under the current folder. */
  public static Path defaultRunDir(Job job, Clock clock) {
    return Path.of(job.output(), job.name() + "-" + STAMP.format(clock.instant()));
  }

  private static Job withThreads(Job job, RunOptions o) {
    if (o.threads().isEmpty()) {
      return job;
    }
    return job.withThreads(o.threads().get());
  }
}
