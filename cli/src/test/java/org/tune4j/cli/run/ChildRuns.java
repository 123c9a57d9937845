package org.tune4j.cli.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tune4j.cli.Main;

/**
 * {@code tune4j} in a child JVM with the module's test class path ({@code target/classes} and
 * {@code target/test-classpath.txt}, written by the build), its output and errors in one log: what crash tests kill.
 * Shared by the cli's tests and tune4j-spark's (through this module's test-jar).
 */
public final class ChildRuns {
  private ChildRuns() {}

  /** Starts {@code java -Xmx2g <jvmOptions> org.tune4j.cli.Main <args>}, output and errors to {@code log}. */
  public static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    String classpath = "target/classes" + File.pathSeparator
        + Files.readString(Path.of("target/test-classpath.txt")).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Runs it to the end and returns the exit code.
   *
   * @throws AssertionError when it does not end within {@code seconds} (it is killed)
   */
  public static int run(Path log, int seconds, List<String> jvmOptions, String... args) throws Exception {
    Process p = start(log, jvmOptions, args);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tune4j did not finish within " + seconds + " s; see " + log);
    }
    return p.exitValue();
  }
}
