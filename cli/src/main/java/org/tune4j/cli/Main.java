package org.tune4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.tune4j.cli.demo.DemoCommand;
import org.tune4j.cli.metrics.MetricsCommand;

/**
 * The {@code tune4j} command: dispatches to a sub-command and exits with its code.
 *
 * <p>Exit codes: 0 done; 1 an unexpected failure (a bug: please report it with the log); 2 bad
 * input (the message says which value and how to fix it).
 */
public final class Main {
  /** Done. */
  public static final int OK = 0;
  /** An unexpected failure. */
  public static final int FAILED = 1;
  /** Bad input: a wrong argument, file or value. */
  public static final int BAD_INPUT = 2;

  private Main() {}

  /** Runs {@code tune4j} and exits the JVM with the sub-command's exit code. */
  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one sub-command with output to the given streams; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      out.print(usage());
      return OK;
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      switch (command) {
        case "demo":
          return DemoCommand.run(rest, out, err);
        case "metrics":
          return MetricsCommand.run(rest, out, err);
        default:
          err.println("tune4j: unknown command \"" + command + "\"; choose from: demo, metrics, help");
          return BAD_INPUT;
      }
    } catch (IllegalArgumentException e) {
      err.println("tune4j " + command + ": " + e.getMessage());
      return BAD_INPUT;
    }
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "tune4j — hyperparameter tuning for transfer learning on the JVM",
        "",
        "Usage: tune4j <command> [options]",
        "",
        "Commands:",
        "  demo     fit the kerasnip transfer-learning vignette on the embedded Fashion-MNIST sample",
        "           (tune4j demo --help for its options)",
        "  metrics  score a predictions CSV with yardstick's metrics",
        "           (tune4j metrics PREDICTIONS.csv --truth COLUMN [--metrics a,b] [--format table|csv|json])",
        "  help     show this text",
        "",
        "Exit codes: 0 done, 1 unexpected failure, 2 bad input.",
        "");
  }
}
