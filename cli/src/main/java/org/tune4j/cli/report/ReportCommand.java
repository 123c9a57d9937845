package org.tune4j.cli.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.tune4j.cli.Main;
import org.tune4j.cli.run.RunDirectory;
import org.tune4j.tuning.input.BadInputException;
import org.tune4j.tuning.input.Inputs;

/** {@code tune4j report RUN_DIR}: (re)writes the run's self-contained {@code report.html}. Stateless. */
public final class ReportCommand {
  /** The usage line. */
  public static final String USAGE = "tune4j report RUN_DIR";

  private ReportCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    if (args.size() != 1 || args.get(0).startsWith("-")) {
      throw new BadInputException("give one run directory; usage: " + USAGE);
    }
    Path report = Inputs.check(() -> ReportWriter.write(new RunDirectory(Path.of(args.get(0)))));
    out.println("Report: " + report);
    return Main.OK;
  }
}
