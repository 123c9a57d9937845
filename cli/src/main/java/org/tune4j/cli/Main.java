package org.tune4j.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.tune4j.cli.compare.CompareCommand;
import org.tune4j.cli.demo.DemoCommand;
import org.tune4j.cli.job.InitCommand;
import org.tune4j.cli.metrics.MetricsCommand;
import org.tune4j.cli.report.ReportCommand;
import org.tune4j.cli.run.TuneCommand;

/**
 * The {@code tune4j} command: dispatches to a sub-command and exits with its code.
 *
 * <p>Exit codes: 0 done; 1 an internal error (a bug: please report it with {@code run.log}; {@code
 * TUNE4J_DEBUG=1} prints its stack trace); 2 bad input (the message says which value and how to fix
 * it) or input that does not fit in the memory given (the message names the setting to change); 3
 * every fit failed; 4 a run directory that cannot be written or is in use by another run; 5 {@code
 * compare} refused runs whose resamples differ; 143 (130) stopped by SIGTERM (Ctrl-C), resumable.
 * {@link FailureReport} maps failures to codes. Stateless.
 */
public final class Main {
  /** Done. */
  public static final int OK = 0;
  /** An internal error: a bug to report. */
  public static final int FAILED = 1;
  /** Bad input: a wrong argument, file or value, or input that does not fit in the memory given. */
  public static final int BAD_INPUT = 2;
  /** Every fit failed: nothing to rank (the notes say why). */
  public static final int ALL_FAILED = 3;
  /** The run directory cannot be created or written, or another run is using it. */
  public static final int RUN_DIR_UNWRITABLE = 4;
  /** {@code compare}: the two runs' resamples have different fingerprints. */
  public static final int RESAMPLES_DIFFER = 5;

  private static final String COMMANDS = "demo, tune, resume, report, compare, init, metrics, help";

  private Main() {}

  /** Runs {@code tune4j} and exits the JVM with the sub-command's exit code. */
  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err, Clock.systemUTC(), System.console() != null));
  }

  /** Runs one sub-command with output to the given streams (not a terminal); returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, out, err, Clock.systemUTC(), false);
  }

  /**
   * Runs one sub-command; returns the exit code.
   *
   * @param clock the clock of run directory names and log lines
   * @param terminal whether {@code err} is a terminal (a progress bar) or not (progress lines)
   */
  public static int run(List<String> args, PrintStream out, PrintStream err, Clock clock, boolean terminal) {
    boolean debug = "1".equals(System.getenv("TUNE4J_DEBUG"));
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      out.print(usage());
      return OK;
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      switch (command) {
        case "demo":
          return DemoCommand.run(rest, out, err, clock, terminal);
        case "tune":
          return TuneCommand.tune(rest, out, err, clock, terminal);
        case "resume":
          return TuneCommand.resume(rest, out, err, clock, terminal);
        case "report":
          return ReportCommand.run(rest, out, err);
        case "compare":
          return CompareCommand.run(rest, out, err);
        case "init":
          return InitCommand.run(rest, out, err);
        case "metrics":
          return MetricsCommand.run(rest, out, err);
        default:
          err.println("tune4j: unknown command \"" + command + "\"; choose from: " + COMMANDS);
          return BAD_INPUT;
      }
    } catch (Exception | Error e) {
      return FailureReport.exitCode(command, e, err, debug);
    }
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "tune4j — hyperparameter tuning for transfer learning on the JVM",
        "",
        "Usage: tune4j <command> [options]",
        "",
        "Commands:",
        "  demo     tune a frozen ResNet50's head on the embedded Fashion-MNIST sample (5-fold CV, 8",
        "           candidates, last fit, report); --vignette for the single-fit vignette (demo --help)",
        "  tune     " + TuneCommand.TUNE_USAGE,
        "           run a job file (YAML or JSON) in a run directory",
        "  resume   " + TuneCommand.RESUME_USAGE,
        "           finish a run that was stopped, without redoing finished tasks",
        "  report   " + ReportCommand.USAGE,
        "           (re)write the run's self-contained report.html",
        "  compare  " + CompareCommand.USAGE,
        "           per-candidate metric changes between two runs on the same resamples",
        "  init     print a commented example job: tune4j init > job.yaml",
        "  metrics  score a predictions CSV with yardstick's metrics",
        "           (tune4j metrics PREDICTIONS.csv --truth COLUMN [--metrics a,b] [--format table|csv|json])",
        "  help     show this text",
        "",
        "Exit codes: 0 done, 1 internal error (please report it; TUNE4J_DEBUG=1 prints the stack trace), 2 bad input",
        "or out of memory, 3 every fit failed, 4 run directory not writable or in use, 5 compare: the runs' resamples",
        "differ, 143 stopped by SIGTERM (130 Ctrl-C; tune4j resume DIR continues).",
        "");
  }
}
