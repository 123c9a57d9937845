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
 * Starts {@code tune4j} in a child JVM with the test class path ({@code target/test-classpath.txt},
 * written by the build), stdout and stderr to separate files.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** A started child: its process and where its output goes. */
  record Child(Process process, Path out, Path err) {
    /** Waits up to {@code seconds} and returns the exit code. */
    int waitFor(int seconds) throws InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tune4j " + " did not end within " + seconds + " s");
      }
      return process.exitValue();
    }

    String stdout() throws IOException {
      return Files.readString(out);
    }

    String stderr() throws IOException {
      return Files.readString(err);
    }
  }

  /** Starts {@code java <jvmOptions> org.tune4j.cli.Main <args>}, output to {@code <logs>.out} and {@code .err}. */
  static Child start(Path logs, List<String> jvmOptions, String... args) throws IOException {
    String classpath = "target/classes" + File.pathSeparator
        + Files.readString(Path.of("target/test-classpath.txt")).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Path.of(logs + ".out");
    Path err = Path.of(logs + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("TUNE4J_DEBUG");
    return new Child(pb.start(), out, err);
  }
}
