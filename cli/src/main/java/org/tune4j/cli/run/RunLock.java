package org.tune4j.cli.run;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock that makes one run at a time own a run directory: {@code run.lock} holds the owner's pid,
 * host and start time, and an OS lock ({@link FileChannel#tryLock}) on it is held for the run's life.
 * The OS drops the lock when the process ends, however it ends, so a file left by a killed run
 * (SIGKILL, power loss) is recognised as stale and taken over ({@link #tookOver()} says whose it
 * was); a live owner makes {@link #acquire} refuse with {@link RunDirectoryInUseException}.
 *
 * <p>POSIX record locks belong to the process: closing any descriptor of the file in the owning JVM
 * would drop them. The directories this JVM holds are therefore kept in a process-wide set (the one
 * piece of static state here, mirroring the OS lock's own scope), and a second {@code acquire} of a
 * directory held in this JVM is refused without opening the file (a lock taken through another
 * channel of this JVM, {@link OverlappingFileLockException}, is refused the same way). Thread-safe.
 *
 * <pre>{@code
 * try (RunLock lock = RunLock.acquire(run.dir(), Clock.systemUTC())) {
 *   lock.tookOver().ifPresent(old -> log.line("took over a stale lock: " + old.describe()));
 *   ... run ...
 * }
 * }</pre>
 */
public final class RunLock implements Closeable {
  /** The lock's file name in a run directory. */
  public static final String FILE = "run.lock";

  private static final Map<Path, Owner> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path key;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Owner owner;
  private final Optional<Owner> tookOver;
  private boolean closed;

  private RunLock(Path key, Path file, FileChannel channel, FileLock lock, Owner owner, Optional<Owner> tookOver) {
    this.key = key;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.owner = owner;
    this.tookOver = tookOver;
  }

  /**
   * Who holds (or held) a run directory, as written in {@code run.lock}; a field is empty when the
   * file did not say (written by a run that was killed while writing it).
   *
   * @param pid the process id
   * @param host the host name
   * @param start when the run started (ISO-8601)
   */
  public record Owner(Optional<Long> pid, Optional<String> host, Optional<String> start) {
    /** The owner that is this process, starting now. */
    static Owner current(Clock clock) {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
      }
      return new Owner(Optional.of(ProcessHandle.current().pid()), Optional.of(host),
          Optional.of(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** Parses the {@code key=value} lines of {@code run.lock}; unknown or missing keys are empty. */
    static Owner parse(String text) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
      Optional<Long> pid;
      try {
        pid = Optional.ofNullable(m.get("pid")).map(Long::parseLong);
      } catch (NumberFormatException e) {
        pid = Optional.empty();
      }
      return new Owner(pid, Optional.ofNullable(m.get("host")), Optional.ofNullable(m.get("start")));
    }

    /** The file's text. */
    String toText() {
      return "pid=" + pid.map(String::valueOf).orElse("") + "\nhost=" + host.orElse("") + "\nstart=" + start.orElse("")
          + "\n";
    }

    /** The pid as text, or {@code "?"}. */
    String pidText() {
      return pid.map(String::valueOf).orElse("?");
    }

    /** The host, or {@code "?"}. */
    String hostText() {
      return host.orElse("?");
    }

    /** {@code pid 1234 on host h, started 2024-05-01T10:00:00Z}. */
    public String describe() {
      return "pid " + pidText() + " on host " + hostText() + ", started " + start.orElse("?");
    }
  }

  /**
   * Takes the run directory {@code dir} for this process, writing its pid, host and start time.
   *
   * @throws RunDirectoryInUseException when a live run (in another process, or this one) holds it
   * @throws RunDirectoryException when the lock file cannot be written
   */
  public static RunLock acquire(Path dir, Clock clock) {
    Path file = dir.resolve(FILE);
    Path key = dir.toAbsolutePath().normalize();
    try {
      key = dir.toRealPath();
    } catch (IOException e) {
      // not there yet: opening the file below reports it
    }
    Owner me = Owner.current(clock);
    Owner holder = HELD_IN_THIS_JVM.putIfAbsent(key, me);
    if (holder != null) {
      throw new RunDirectoryInUseException(dir, holder);   // reading the file here would drop the holder's OS lock
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      boolean elsewhereInThisJvm = false;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;   // held through another channel of this JVM: the same refusal
        elsewhereInThisJvm = true;
      }
      if (lock == null) {
        channel.close();
        channel = null;
        HELD_IN_THIS_JVM.remove(key);
        throw new RunDirectoryInUseException(dir, elsewhereInThisJvm ? me : readOwner(file));
      }
      String previous = read(channel);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      Optional<Owner> stale = previous.isBlank() ? Optional.empty() : Optional.of(Owner.parse(previous));
      return new RunLock(key, file, channel, lock, me, stale);
    } catch (IOException e) {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(key);
      throw new RunDirectoryException(file, e);
    }
  }

  /** This process as the owner. */
  public Owner owner() {
    return owner;
  }

  /** The owner of a stale lock this one replaced (a run that ended without releasing it), if any. */
  public Optional<Owner> tookOver() {
    return tookOver;
  }

  /** Empties {@code run.lock} and releases the OS lock; later calls do nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.truncate(0);
      channel.force(true);
      lock.release();
    } catch (IOException e) {
      // the OS releases the lock when the channel closes or the process ends; nothing is lost
    } finally {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(key);
    }
  }

  private static Owner readOwner(Path file) {
    try {
      return Owner.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Owner(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  private static String read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
      // fills buf
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing after a failure: the failure is what is reported
      }
    }
  }

  @Override
  public String toString() {
    return "RunLock[" + file + ", " + owner.describe() + "]";
  }
}
