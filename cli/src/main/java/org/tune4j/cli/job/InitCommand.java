package org.tune4j.cli.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tune4j.cli.Main;
import org.tune4j.tuning.input.BadInputException;

/**
 * {@code tune4j init}: prints a commented example job (redirect it to a file and edit it). Stateless.
 *
 * <pre>{@code
 * tune4j init > job.yaml
 * }</pre>
 */
public final class InitCommand {
  private InitCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      throw new BadInputException("init takes no arguments; usage: tune4j init > job.yaml");
    }
    out.print(example());
    return Main.OK;
  }

  /** The commented example job. */
  public static String example() {
    return resource("example.yaml");
  }

  /** The job {@code tune4j demo} runs. */
  public static String demo() {
    return resource("demo.yaml");
  }

  private static String resource(String name) {
    try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the tune4j jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
