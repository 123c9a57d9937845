package org.tune4j.cli.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tune4j.tuning.metrics.ClassPredictions;

/**
 * The parsed arguments of {@code tune4j metrics}.
 *
 * @param predictions the predictions CSV
 * @param truth the truth column
 * @param metrics comma-separated metric names, or null for tune's default set
 * @param format the output format
 * @param eventLevel {@code first} or {@code second}
 * @param tolerance allowed |row sum − 1|
 * @param help whether only the help text was asked for
 */
record MetricsOptions(Path predictions, String truth, String metrics,
    MetricsOutput.Format format, String eventLevel, double tolerance, boolean help) {

  static final String USAGE_LINE = "tune4j metrics PREDICTIONS.csv --truth COLUMN"
      + " [--metrics a,b,c] [--format table|csv|json] [--event-level first|second]"
      + " [--tolerance X]";

  /**
   * Parses {@code --name value} and {@code --name=value} options and one file argument.
   *
   * @throws IllegalArgumentException naming the bad argument and what would be right
   */
  static MetricsOptions parse(List<String> args) {
    Path file = null;
    String truth = null;
    String metrics = null;
    MetricsOutput.Format format = MetricsOutput.Format.TABLE;
    String eventLevel = "first";
    double tolerance = ClassPredictions.DEFAULT_SUM_TOLERANCE;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-h") || arg.equals("--help")) {
        return new MetricsOptions(null, null, null, format, eventLevel, tolerance, true);
      }
      if (!arg.startsWith("--")) {
        if (file != null) {
          throw new IllegalArgumentException("more than one predictions file: \"" + file
              + "\" and \"" + arg + "\"; give exactly one");
        }
        file = Path.of(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--truth":
          truth = value;
          break;
        case "--metrics":
          metrics = value;
          break;
        case "--format":
          format = MetricsOutput.Format.fromLabel(value);
          break;
        case "--event-level":
          eventLevel = value;
          break;
        case "--tolerance":
          tolerance = parseTolerance(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option \"" + name + "\"; choose from:"
              + " --truth, --metrics, --format, --event-level, --tolerance, --help");
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("no predictions file given");
    }
    if (truth == null || truth.isBlank()) {
      throw new IllegalArgumentException("--truth COLUMN is required: the name of the column"
          + " holding the true class");
    }
    if (!eventLevel.equals("first") && !eventLevel.equals("second")) {
      throw new IllegalArgumentException("--event-level \"" + eventLevel + "\" is not known;"
          + " choose from: first, second");
    }
    return new MetricsOptions(file, truth, metrics, format, eventLevel, tolerance, false);
  }

  private static double parseTolerance(String value) {
    double t;
    try {
      t = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      t = Double.NaN;
    }
    if (!(t >= 0 && t < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--tolerance \"%s\" must be a number in [0, 1), e.g. 1e-6", value));
    }
    return t;
  }
}
