package org.tune4j.cli.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.cli.Main;
import org.tune4j.tuning.input.BadInputException;
import org.tune4j.tuning.input.Inputs;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;

/**
 * {@code tune4j compare RUN_A RUN_B}: for nightly runs of the same job, the change of every
 * candidate's mean metric from run A to run B. Refuses, with exit code {@link Main#RESAMPLES_DIFFER},
 * when the two runs' resamples have different fingerprints (other data, folds or seed): their numbers
 * are not comparable. Stateless.
 *
 * <pre>{@code
 * int code = CompareCommand.run(List.of("runs/night-1", "runs/night-2"), System.out, System.err);
 * }</pre>
 */
public final class CompareCommand {
  /** The usage line. */
  public static final String USAGE = "tune4j compare RUN_A RUN_B";

  private CompareCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    if (args.size() != 2 || args.stream().anyMatch(a -> a.startsWith("-"))) {
      throw new BadInputException("give two run directories; usage: " + USAGE);
    }
    TuneResults a = Inputs.check(() -> results(Path.of(args.get(0))));
    TuneResults b = Inputs.check(() -> results(Path.of(args.get(1))));
    if (!a.resamplesFingerprint().equals(b.resamplesFingerprint())) {
      err.println("tune4j compare: the runs were resampled differently (fingerprint " + a.resamplesFingerprint()
          + " in " + args.get(0) + ", " + b.resamplesFingerprint() + " in " + args.get(1) + "): other data, folds or"
          + " seed, so their metrics are not comparable; compare runs of the same job");
      return Main.RESAMPLES_DIFFER;
    }
    out.print(table(a, b, args.get(0), args.get(1)));
    return Main.OK;
  }

  /** The comparison as aligned text: one row per config and metric of either run. */
  static String table(TuneResults a, TuneResults b, String nameA, String nameB) {
    Map<String, MetricSummary> before = index(a);
    Map<String, MetricSummary> after = index(b);
    List<String> keys = new ArrayList<>(before.keySet());
    after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(keys::add);
    StringBuilder sb = new StringBuilder();
    sb.append("A = ").append(nameA).append(System.lineSeparator()).append("B = ").append(nameB)
        .append(System.lineSeparator()).append("resamples fingerprint ").append(a.resamplesFingerprint())
        .append(" (same in both)").append(System.lineSeparator()).append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "%-10s %-14s %10s %10s %10s  %s%n", "config", "metric", "mean_A", "mean_B",
        "change", "params"));
    for (String k : keys) {
      MetricSummary x = before.get(k);
      MetricSummary y = after.get(k);
      MetricSummary any = x != null ? x : y;
      String params = String.valueOf(any.params());
      if (x != null && y != null && !x.params().equals(y.params())) {
        params = "A " + x.params() + " / B " + y.params() + " (the grids differ)";
      }
      double ma = x == null ? Double.NaN : x.mean();
      double mb = y == null ? Double.NaN : y.mean();
      sb.append(String.format(Locale.ROOT, "%-10s %-14s %10s %10s %10s  %s%n", any.configId(), any.metric(), fmt(ma),
          fmt(mb), ma == ma && mb == mb ? String.format(Locale.ROOT, "%+.4f", mb - ma) : "--", params));
    }
    return sb.toString();
  }

  private static Map<String, MetricSummary> index(TuneResults r) {
    Map<String, MetricSummary> m = new LinkedHashMap<>();
    for (MetricSummary s : r.metricSummaries()) {
      m.put(s.configId() + "\u0000" + s.metric(), s);
    }
    return m;
  }

  private static String fmt(double d) {
    return Double.isNaN(d) ? "--" : String.format(Locale.ROOT, "%.4f", d);
  }

  private static TuneResults results(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve("results.json"))) {
      throw new IllegalArgumentException(dir + " holds no results.json; give a finished run directory"
          + " (tune4j resume " + dir + " finishes a stopped one)");
    }
    return TuneResults.read(dir);
  }
}
