package org.tune4j.cli.run;

import java.nio.file.Path;

/**
 * What a run does when it is stopped by SIGTERM or Ctrl-C: a JVM shutdown hook that waits for a
 * journal line being written, stops the journal (so no torn line is left), releases the run
 * directory's lock, and prints one line:
 * {@code tune4j: stopped (SIGTERM or Ctrl-C) after 7 of 18 tasks; the run is resumable: tune4j resume DIR}.
 * Results and report files are written by atomic rename, so none is left half-written. The JVM then
 * exits with 143 (SIGTERM) or 130 (Ctrl-C). Installed for a run's life by {@link JobRunner}.
 * Thread-safe.
 *
 * <pre>{@code
 * try (StopHook hook = StopHook.install(dir, lock, console, earlierTasks, totalTasks)) {
 *   hook.journal(journal);
 *   ...
 * }
 * }</pre>
 */
final class StopHook implements AutoCloseable {
  private final Path dir;
  private final RunLock lock;
  private final Console console;
  private final int earlier;
  private final int total;
  private final Thread thread;
  private Journal journal;
  private int appendedBefore;

  private StopHook(Path dir, RunLock lock, Console console, int earlier, int total) {
    this.dir = dir;
    this.lock = lock;
    this.console = console;
    this.earlier = earlier;
    this.total = total;
    this.thread = new Thread(this::stop, "tune4j-stop");
  }

  /**
   * Installs the hook of a run in {@code dir} that found {@code earlier} of {@code total} tasks in its
   * journal ({@code total} 0 when a search does not know it in advance: the stop line then gives the count alone).
   */
  static StopHook install(Path dir, RunLock lock, Console console, int earlier, int total) {
    StopHook hook = new StopHook(dir, lock, console, earlier, total);
    Runtime.getRuntime().addShutdownHook(hook.thread);
    return hook;
  }

  /** The journal being appended to, or {@code null} once tuning is done. */
  synchronized void journal(Journal j) {
    if (journal != null) {
      appendedBefore += journal.appended();
    }
    journal = j;
  }

  private void stop() {
    int done;
    synchronized (this) {
      done = earlier + appendedBefore + (journal == null ? 0 : journal.stop());
    }
    lock.close();
    String count = total > 0 ? Math.min(done, total) + " of " + total : Integer.toString(done);
    console.stopped("tune4j: stopped (SIGTERM or Ctrl-C) after " + count + " tasks; the run is resumable: tune4j resume "
        + dir);
  }

  /** Removes the hook (the run ended); does nothing while the JVM is already shutting down. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException e) {
      // shutting down: the hook is running or has run
    }
  }
}
