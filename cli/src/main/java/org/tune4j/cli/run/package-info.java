/**
 * Run directories and running jobs: {@link org.tune4j.cli.run.RunDirectory} (the job as run, the
 * journal, results, the log), {@link org.tune4j.cli.run.Journal} (one flushed JSON line per finished
 * task, read back on resume), {@link org.tune4j.cli.run.RunLock} (one run per directory), the
 * shutdown hook that stops a run cleanly on SIGTERM or Ctrl-C, {@link org.tune4j.cli.run.JobRunner}
 * (tune, last fit, report), progress output, and the {@code tune} and {@code resume} commands.
 */
package org.tune4j.cli.run;
