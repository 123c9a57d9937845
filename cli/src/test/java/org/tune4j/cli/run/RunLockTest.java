package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;

/** One run per run directory: a live owner (another process, or this JVM) is refused, a dead one's lock taken over. */
class RunLockTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aSecondLockInThisJvmIsRefusedNamingTheOwnerAndTheFirstStaysHeld() throws Exception {
    try (RunLock first = RunLock.acquire(dir, CLOCK)) {
      RunDirectoryInUseException e = assertThrows(RunDirectoryInUseException.class, () -> RunLock.acquire(dir, CLOCK));
      long pid = ProcessHandle.current().pid();
      assertTrue(e.getMessage().startsWith("run directory " + dir + " is in use by another tune4j run (pid " + pid
          + " on host " + first.owner().hostText() + ", started 2026-01-02T03:04:05Z); wait for it to finish, or stop it"
          + " (kill " + pid + " on "), e.getMessage());
      assertTrue(e.getMessage().endsWith("and then run tune4j resume " + dir + "; or give another --run-dir"),
          e.getMessage());
      assertTrue(lockedForOtherProcesses(), "the refusal did not drop the holder's OS lock");
      // Reading the file in the holder's JVM closes a descriptor of it, which drops a POSIX lock: last.
      assertEquals("pid=" + pid + "\nhost=" + first.owner().hostText() + "\nstart=2026-01-02T03:04:05Z\n",
          Files.readString(dir.resolve(RunLock.FILE)));
    }
    assertEquals("", Files.readString(dir.resolve(RunLock.FILE)), "released: emptied");
    try (RunLock again = RunLock.acquire(dir, CLOCK)) {
      assertFalse(again.tookOver().isPresent(), "a released lock is not stale");
    }
  }

  @Test
  void aLockTakenThroughAnotherChannelOfThisJvmIsTheSameRefusal() throws Exception {
    try (FileChannel ch = FileChannel.open(dir.resolve(RunLock.FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = ch.lock()) {
      assertTrue(held.isValid(), "held through a plain channel");
      RunDirectoryInUseException e = assertThrows(RunDirectoryInUseException.class, () -> RunLock.acquire(dir, CLOCK));
      assertTrue(e.getMessage().contains("is in use by another tune4j run (pid " + ProcessHandle.current().pid()),
          e.getMessage());
    }
  }

  @Test
  void aStaleLockLeftByAKilledRunIsTakenOverWithALogLine() throws Exception {
    Files.writeString(dir.resolve(RunLock.FILE), "pid=999999\nhost=elsewhere\nstart=2025-12-31T23:00:00Z\n");
    try (RunLock lock = RunLock.acquire(dir, CLOCK)) {
      assertEquals("pid 999999 on host elsewhere, started 2025-12-31T23:00:00Z", lock.tookOver().orElseThrow().describe());
    }
    Files.writeString(dir.resolve(RunLock.FILE), "pid=12");   // torn: killed while writing it
    try (RunLock lock = RunLock.acquire(dir, CLOCK)) {
      assertEquals("pid 12 on host ?, started ?", lock.tookOver().orElseThrow().describe());
    }
  }

  /**
   * A run in another process holds its directory: {@code resume} here is refused with exit 4 naming that
   * process; once it is SIGKILLed, its lock is stale and {@code resume} takes it over and finishes.
   */
  @Test
  void aRunInAnotherProcessIsRefusedAndItsLockTakenOverOnceKilled() throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), CrashResumeTest.JOB);
    Path runDir = dir.resolve("run");
    ChildJvm.Child child = ChildJvm.start(dir.resolve("child"), List.of("-Xmx2g"), "tune", job.toString(),
        "--run-dir", runDir.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    Path lockFile = runDir.resolve(RunLock.FILE);
    while (!Files.exists(lockFile) || !Files.readString(lockFile).endsWith("\n")) {
      assertTrue(child.process().isAlive(), "the child ended early: " + child.stderr());
      assertTrue(System.nanoTime() < deadline, "no run.lock within 90 s");
      Thread.sleep(20);
    }
    long pid = child.process().pid();
    try {
      assertEquals(Main.RUN_DIR_UNWRITABLE, run("resume", runDir.toString()), err.toString());
      String message = err.toString(StandardCharsets.UTF_8);
      assertTrue(message.startsWith("tune4j resume: run directory " + runDir + " is in use by another tune4j run (pid "
          + pid + " on host "), message);
      assertTrue(message.contains("(kill " + pid + " on "), message);
      assertTrue(child.process().isAlive(), "the owner is untouched");
    } finally {
      child.process().destroyForcibly();
      child.process().waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.readString(lockFile).startsWith("pid=" + pid + "\n"), "SIGKILL leaves the file behind");
    assertEquals(Main.OK, run("resume", runDir.toString()), err.toString());
    String log = Files.readString(runDir.resolve(RunDirectory.LOG));
    assertTrue(log.contains("run.lock: took over the stale lock of pid " + pid + " on host "), log);
    assertEquals("", Files.readString(lockFile), "released at the end");
  }

  /** Whether a child process's {@code tryLock} on run.lock fails (another JVM sees the lock). */
  private boolean lockedForOtherProcesses() throws Exception {
    Path probe = dir.resolve("Probe.java");
    Files.writeString(probe, "public class Probe { public static void main(String[] a) throws Exception {"
        + " try (var c = java.nio.channels.FileChannel.open(java.nio.file.Path.of(a[0]),"
        + " java.nio.file.StandardOpenOption.WRITE)) { System.exit(c.tryLock() == null ? 0 : 1); } } }");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), probe.toString(),
        dir.resolve(RunLock.FILE).toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe finished");
    return p.exitValue() == 0;
  }
}
