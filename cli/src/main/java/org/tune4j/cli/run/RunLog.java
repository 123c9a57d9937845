package org.tune4j.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The run's log ({@code run.log}): one time-stamped line per event — versions, hardware, the job,
 * phase timings, resume details — appended and flushed as it happens. Thread-safe.
 */
public final class RunLog {
  private final Path file;
  private final Clock clock;

  private RunLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** A log appending to {@code file}, time-stamped by {@code clock}. */
  public static RunLog of(Path file, Clock clock) {
    return new RunLog(file, clock);
  }

  /**
   * Appends one line.
   *
   * @throws RunDirectoryException when the log cannot be written
   */
  public synchronized void line(String text) {
    String stamp = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    try {
      Files.writeString(file, stamp + " " + text + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new RunDirectoryException(file, e);
    }
  }

  /** The environment: Java, OS, processors, memory. */
  static String environment() {
    Runtime rt = Runtime.getRuntime();
    return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
        + ", " + rt.availableProcessors() + " processors, max heap " + (rt.maxMemory() >> 20) + " MiB";
  }
}
