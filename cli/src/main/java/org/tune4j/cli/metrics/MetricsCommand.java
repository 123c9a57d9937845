package org.tune4j.cli.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.ClassificationMetrics;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.Metric;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.metrics.MetricTable;
import org.tune4j.tuning.metrics.MetricWarning;
import org.tune4j.tuning.metrics.io.PredictionsCsv;

/**
 * {@code tune4j metrics PREDICTIONS.csv --truth COLUMN [--metrics a,b,c]
 * [--format table|csv|json] [--event-level first|second] [--tolerance X]}.
 *
 * <p>Reads predictions in the layout tuning results write (a truth column, {@code pred_class},
 * {@code pred_<level>}), evaluates a metric set (tune's default roc_auc, accuracy, brier_class
 * unless {@code --metrics} names others) and prints one row per metric to {@code out}. Metric
 * warnings (e.g. a level never predicted) go to {@code err} as {@code Warning} lines; the exit
 * code stays 0. Bad arguments or a bad file print one clear message to {@code err} and return
 * 2.
 *
 * <pre>{@code
 * int code = MetricsCommand.run(List.of("preds.csv", "--truth", "label", "--format", "json"),
 *     System.out, System.err);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MetricsCommand {

  /** Exit code: done. */
  public static final int OK = 0;
  /** Exit code: bad input (arguments or file); the message on err says what to fix. */
  public static final int BAD_INPUT = 2;

  private MetricsCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code metrics}
   * @return {@link #OK} or {@link #BAD_INPUT}
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    MetricsOptions options;
    try {
      options = MetricsOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("tune4j metrics: " + e.getMessage());
      err.println("Usage: " + MetricsOptions.USAGE_LINE + " (tune4j metrics --help for more)");
      return BAD_INPUT;
    }
    if (options.help()) {
      out.print(usage());
      return OK;
    }
    try {
      MetricTable table = evaluate(options);
      out.print(MetricsOutput.format(table, options.format()));
      for (MetricWarning w : table.warnings()) {
        err.println("Warning (" + w.metric() + "): " + w.message());
      }
      return OK;
    } catch (NoSuchFileException e) {
      err.println("tune4j metrics: no such file: " + e.getFile()
          + "; give the path of a predictions CSV");
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("tune4j metrics: cannot read " + options.predictions() + ": " + e);
      return BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("tune4j metrics: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private static MetricTable evaluate(MetricsOptions options) throws IOException {
    MetricSet set = options.metrics() == null ? MetricSet.defaultClassification()
        : MetricSet.parse(options.metrics());
    Path file = options.predictions();
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a directory; give a predictions CSV file");
    }
    ClassPredictions predictions = PredictionsCsv.read(file, options.truth(),
        options.tolerance());
    if (!predictions.hasProbabilities() && set.needsProbabilities()) {
      String needing = set.metrics().stream().filter(Metric::needsProbabilities)
          .map(Metric::name).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(file + " has no pred_<level> probability columns, but "
          + needing + " need" + (needing.contains(",") ? "" : "s") + " them; add the columns or"
          + " choose class metrics, e.g. --metrics accuracy,kap,f_meas");
    }
    EventLevel eventLevel = EventLevel.fromLabel(options.eventLevel());
    return set.evaluate(predictions, eventLevel);
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "Usage: " + MetricsOptions.USAGE_LINE,
        "",
        "Scores predictions with yardstick's classification metrics.",
        "",
        "  PREDICTIONS.csv        a truth column, pred_class, and pred_<level> probability",
        "                         columns (the first pred_<level> level is the binary event)",
        "  --truth COLUMN         name of the truth column (required)",
        "  --metrics a,b,c        metrics to compute (default roc_auc,accuracy,brier_class);",
        "                         name:estimator picks an estimator (precision:micro),",
        "                         kap:linear / kap:quadratic a kappa weighting. Known: ",
        "                         " + String.join(", ", ClassificationMetrics.NAMES),
        "  --format FORMAT        table (default, like a tibble), csv or json",
        "  --event-level LEVEL    first (default) or second: the event of a binary problem",
        "  --tolerance X          how far a row's probabilities may sum from 1 (default "
            + ClassPredictions.DEFAULT_SUM_TOLERANCE + ")",
        "",
        "Exit codes: 0 done (metric warnings go to stderr), 2 bad arguments or file.",
        "");
  }
}
