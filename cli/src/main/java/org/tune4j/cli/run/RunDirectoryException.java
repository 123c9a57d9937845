package org.tune4j.cli.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run directory, or a file in it, cannot be created or written (exit code 4). The message names
 * the path and the reason.
 */
public final class RunDirectoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps an I/O failure on {@code path}. */
  public RunDirectoryException(Path path, IOException cause) {
    super("cannot write " + path + ": " + describe(cause) + "; give a --run-dir in a writable folder with free space",
        cause);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
