package org.tune4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tune4j.cli.run.RunDirectoryException;
import org.tune4j.cli.run.RunDirectoryInUseException;
import org.tune4j.tuning.engine.AllModelsFailedException;
import org.tune4j.tuning.input.BadInputException;
import org.tune4j.tuning.results.Note;

/**
 * Turns whatever ended a command into its exit code and the lines a person reads on stderr: bad
 * input (2) with its message, memory that ran out (2) with the setting to change, every fit failed
 * (3), a run directory that cannot be written or is in use (4), and anything else (1) as an internal
 * error to report, with the stack trace only when {@code TUNE4J_DEBUG=1}. Stateless.
 *
 * <pre>{@code
 * int code = FailureReport.exitCode("tune", e, System.err, false);
 * }</pre>
 */
public final class FailureReport {
  private static final int MESSAGE_CUT = 160;
  private static final int MAX_CAUSES = 64;

  private FailureReport() {}

  /**
   * Prints what ended {@code command} and returns its exit code.
   *
   * @param debug whether to print the stack trace of an internal error ({@code TUNE4J_DEBUG=1})
   */
  public static int exitCode(String command, Throwable failure, PrintStream err, boolean debug) {
    String prefix = "tune4j " + command + ": ";
    Optional<String> memory = outOfMemory(failure, command);
    if (memory.isPresent()) {
      err.println(prefix + memory.get());
      return Main.BAD_INPUT;
    }
    if (failure instanceof AllModelsFailedException e) {
      err.println(prefix + "every fit failed: " + e.getMessage());
      e.notes().stream().limit(5).forEach(n -> err.println("  " + n.configId() + " " + n.id() + ": " + n.message()));
      return Main.ALL_FAILED;
    }
    RunDirectoryInUseException inUse = cause(failure, RunDirectoryInUseException.class);
    if (inUse != null) {
      err.println(prefix + inUse.getMessage());
      return Main.RUN_DIR_UNWRITABLE;
    }
    RunDirectoryException dir = cause(failure, RunDirectoryException.class);
    if (dir != null) {
      err.println(prefix + dir.getMessage());
      return Main.RUN_DIR_UNWRITABLE;
    }
    BadInputException bad = cause(failure, BadInputException.class);
    if (bad != null) {
      err.println(prefix + bad.getMessage());
      return Main.BAD_INPUT;
    }
    if (failure instanceof IOException) {
      err.println(prefix + failure);
      return Main.BAD_INPUT;
    }
    String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    err.println(prefix + "internal error: " + message + "; please report it with run.log"
        + (debug ? "" : " (TUNE4J_DEBUG=1 prints the stack trace)"));
    if (debug) {
      failure.printStackTrace(err);
    }
    return Main.FAILED;
  }

  /**
   * The line for memory that ran out, when {@code failure} is, or was caused by, an {@link
   * OutOfMemoryError} (or every fit failed with one): what ran out (the Java heap, or native memory
   * outside it) and the setting to change.
   */
  static Optional<String> outOfMemory(Throwable failure, String command) {
    String found = null;
    boolean offHeap = false;
    for (Throwable t : chain(failure)) {
      if (t instanceof OutOfMemoryError) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (found == null || isOffHeap(m)) {
          found = m;
        }
        offHeap |= isOffHeap(m);
      }
    }
    if (found == null && failure instanceof AllModelsFailedException e && !e.notes().isEmpty()
        && e.notes().stream().allMatch(n -> n.message().contains("OutOfMemoryError"))) {
      found = e.notes().get(0).message().replaceFirst(".*OutOfMemoryError:? *", "");
      offHeap = e.notes().stream().map(Note::message).anyMatch(FailureReport::isOffHeap);
    }
    if (found == null) {
      return Optional.empty();
    }
    String quoted = found.isEmpty() ? "" : " (\"" + cut(found) + "\")";
    String tail = "./tune4j " + command + " …, or use fewer or smaller images";
    return Optional.of(offHeap
        ? "out of memory: native memory outside the Java heap ran out" + quoted + "; the input does not fit in the"
            + " memory given: raise JavaCPP's limits, e.g. TUNE4J_JAVA_OPTS=\"-Xmx4g"
            + " -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G\" " + tail
        : "out of memory: the Java heap ran out" + quoted + "; the input does not fit in the memory given: give the"
            + " JVM more heap, e.g. TUNE4J_JAVA_OPTS=-Xmx8g " + tail);
  }

  private static boolean isOffHeap(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("physical bytes") || m.contains("physicalbytes") || m.contains("maxbytes")
        || m.contains("cannot allocate") || m.contains("direct buffer memory");
  }

  private static String cut(String s) {
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > MESSAGE_CUT ? line.substring(0, MESSAGE_CUT) + "…" : line;
  }

  private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t : chain(failure)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** {@code failure} and its causes, outermost first (at most {@value #MAX_CAUSES}: a cycle ends it). */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
