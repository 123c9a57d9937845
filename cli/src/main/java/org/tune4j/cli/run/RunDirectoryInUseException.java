package org.tune4j.cli.run;

import java.nio.file.Path;

/**
 * Another {@code tune4j} process (or this one) is running in the run directory (exit code 4). The
 * message names the directory, the owner's pid, host and start time, and what to do.
 */
public final class RunDirectoryInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The directory {@code dir} is locked by the owner described by {@code owner} (pid, host, start
   * time, as read from {@code run.lock}).
   */
  public RunDirectoryInUseException(Path dir, RunLock.Owner owner) {
    super("run directory " + dir + " is in use by another tune4j run (" + owner.describe() + "); wait for it to"
        + " finish, or stop it (kill " + owner.pidText() + " on " + owner.hostText() + ") and then run tune4j resume "
        + dir + "; or give another --run-dir");
  }
}
