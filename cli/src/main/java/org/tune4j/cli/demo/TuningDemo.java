package org.tune4j.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tune4j.cli.Main;
import org.tune4j.cli.job.InitCommand;
import org.tune4j.cli.job.Job;
import org.tune4j.cli.job.JobReader;
import org.tune4j.cli.job.JobText;
import org.tune4j.cli.run.Console;
import org.tune4j.cli.run.JobRunner;
import org.tune4j.cli.run.RunDirectory;
import org.tune4j.cli.run.TuneCommand;
import org.tune4j.tuning.input.Inputs;
import org.tune4j.tuning.json.Json;

/**
 * {@code tune4j demo} (without {@code --vignette}): the vignette at tuning scale — the job in
 * {@code demo.yaml} (frozen ResNet50, 5-fold stratified CV of 2,000 embedded images, a regular grid of
 * 8 candidates over {@code dense_units}, {@code dropout_rate}, {@code learn_rate}, then the last fit
 * on 500 test images), run in {@code runs/demo-<time>} with its report. Stateless.
 */
final class TuningDemo {
  static final String HELP = String.join(System.lineSeparator(),
      "Usage: tune4j demo [--run-dir DIR] [--weights FILE.h5] [--train-per-class N] [--test-per-class N]",
      "                   [--epochs N] [--threads N] [--quiet] [--log-json]",
      "",
      "Tunes the head of a frozen ResNet50 on the embedded Fashion-MNIST sample: 5-fold stratified",
      "cross-validation of 2,000 images, a regular grid of 8 candidates over dense_units, dropout_rate",
      "and learn_rate, the ranked table, then the best candidate fitted on all training images and",
      "scored on 500 test images. Writes a run directory (default runs/demo-<time>) with report.html.",
      "tune4j init prints the same kind of job as a file to edit; tune4j demo --vignette runs the",
      "original single-fit vignette.",
      "",
      "  --run-dir DIR          where the run goes (default runs/demo-<UTC time>)",
      "  --weights FILE.h5      Keras ResNet50 notop weights (default: ImageNet weights from",
      "                         ~/.keras/models if present, else random frozen weights)",
      "  --train-per-class N    training images per class, 1..200 (default 200)",
      "  --test-per-class N     test images per class, 1..50 (default 50)",
      "  --epochs N             epochs per fit (default 3)",
      "  --threads N            thread budget (default all cores)",
      "  --quiet, --log-json    only the result line / JSON progress events",
      "");

  private TuningDemo() {}

  /** The demo's options: the job they make, where it runs, and how progress is shown. */
  private record Options(Job job, RunDirectory run, boolean quiet, boolean json) {}

  static int run(List<String> args, PrintStream out, PrintStream err, Clock clock, boolean terminal)
      throws IOException {
    Options o = Inputs.check(() -> parse(args, clock));
    RunDirectory run = o.run();
    Job job = o.job();
    Path dir = run.dir();
    boolean quiet = o.quiet();
    boolean json = o.json();
    Console console = Console.of(Console.modeFor(quiet, json, terminal), out, err);
    long start = System.nanoTime();
    JobRunner.RunSummary s = JobRunner.run(job, run, console, clock, System::nanoTime);
    console.message("");
    console.message(s.results().showBest("accuracy", 5).toString());
    double accuracy = s.testMetrics().getOrDefault("accuracy", Double.NaN);
    int testImages = job.data() instanceof org.tune4j.cli.job.DataSource.Embedded e ? e.testPerClass() * 10 : -1;
    String line = String.format(Locale.ROOT, "Test accuracy: %.4f (best candidate %s %s, fitted on all training"
        + " images, scored on %d test images)", accuracy, s.best().configId(), s.best().values(), testImages);
    console.result(line, Map.of("config", s.best().configId(), "test_accuracy", accuracy, "run_dir", dir.toString()));
    console.message("Report: " + run.file(RunDirectory.REPORT));
    console.message(String.format(Locale.ROOT, "Time: %.1f s", (System.nanoTime() - start) / 1e9));
    return Main.OK;
  }

  private static Options parse(List<String> args, Clock clock) {
    Map<String, Object> tree = Json.requireObject(JobText.parse(InitCommand.demo(), "demo.yaml"), Json.ROOT);
    Map<String, Object> data = Json.requireObject(tree, "data", Json.ROOT);
    String runDir = null;
    boolean quiet = false;
    boolean json = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--run-dir" -> runDir = DemoOptions.value(args, ++i, a);
        case "--weights" -> Json.requireObject(tree, "backbone", Json.ROOT).put("weights",
            Path.of(DemoOptions.value(args, ++i, a)).toAbsolutePath().toString());
        case "--train-per-class" -> data.put("train_per_class", (long) DemoOptions.intIn(DemoOptions.value(args, ++i, a),
            a, 1, 200));
        case "--test-per-class" -> data.put("test_per_class", (long) DemoOptions.intIn(DemoOptions.value(args, ++i, a),
            a, 1, 50));
        case "--epochs" -> Json.requireObject(tree, "fit", Json.ROOT).put("epochs",
            (long) DemoOptions.intIn(DemoOptions.value(args, ++i, a), a, 1, 10_000));
        case "--threads" -> tree.put("threads", (long) DemoOptions.intIn(DemoOptions.value(args, ++i, a), a, 1, 1024));
        case "--quiet", "-q" -> quiet = true;
        case "--log-json" -> json = true;
        default -> throw new IllegalArgumentException("unknown option \"" + a + "\"; options are --run-dir, --weights,"
            + " --train-per-class, --test-per-class, --epochs, --threads, --quiet, --log-json, --vignette"
            + " (see tune4j demo --help)");
      }
    }
    Job job = JobReader.fromTree(tree, Path.of("").toAbsolutePath());
    Path dir = Path.of(Optional.ofNullable(runDir).orElse(TuneCommand.defaultRunDir(job, clock).toString()));
    RunDirectory run = RunDirectory.create(dir, job, Json.write(job.tree()));
    return new Options(job, run, quiet, json);
  }
}
