package org.tune4j.models.backend;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shares ND4J's thread count between the runs of one JVM. The native library has a single,
 * process-wide setting; each run holds a {@link Lease} with the threads it wants per native call
 * (its budget while featurizing, its budget divided by its parallel fits while fitting), and the
 * setting is the smallest of the active leases, so no run makes another exceed its budget. When
 * the last lease closes, the setting returns to what it was before the first. Two runs on one JVM
 * (a server, a Spark executor with several task slots) thus never overwrite each other's choice.
 * Thread-safe.
 *
 * <pre>{@code
 * try (NativeThreads.Lease lease = NativeThreads.lease(2)) {
 *   featurize();            // up to 2 threads, fewer while another run wants fewer
 *   lease.set(1);           // two fits at once: one thread each
 *   fit();
 * }
 * }</pre>
 */
public final class NativeThreads {
  private static final Object LOCK = new Object();
  private static final List<Lease> ACTIVE = new ArrayList<>();
  private static int before = -1;

  private NativeThreads() {}

  /** One run's claim: the threads it wants per native call until {@link #close()}. */
  public static final class Lease implements AutoCloseable {
    private int threads;
    private boolean open = true;

    private Lease(int threads) {
      this.threads = threads;
    }

    /**
     * Wants {@code n} threads from now on.
     *
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public void set(int n) {
      check(n);
      synchronized (LOCK) {
        threads = n;
        apply();
      }
    }

    /** The threads this lease wants. */
    public int threads() {
      synchronized (LOCK) {
        return threads;
      }
    }

    /** Ends the claim; the setting follows the remaining leases, or returns to what it was before any. */
    @Override
    public void close() {
      synchronized (LOCK) {
        if (open) {
          open = false;
          ACTIVE.remove(this);
          apply();
        }
      }
    }
  }

  /**
   * A new lease wanting {@code threads} threads, applied now.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public static Lease lease(int threads) {
    check(threads);
    synchronized (LOCK) {
      if (ACTIVE.isEmpty()) {
        before = current();
      }
      Lease lease = new Lease(threads);
      ACTIVE.add(lease);
      apply();
      return lease;
    }
  }

  /**
   * ND4J's thread count now: its master threads, the setting that takes effect (on this build
   * {@code setMaxThreads} below the core count leaves {@code maxThreads()} where it was).
   */
  public static int current() {
    return Nd4j.getEnvironment().maxMasterThreads();
  }

  /** How many leases are open. */
  public static int leases() {
    synchronized (LOCK) {
      return ACTIVE.size();
    }
  }

  private static void apply() {
    int n = ACTIVE.isEmpty() ? before : ACTIVE.stream().mapToInt(l -> l.threads).min().orElseThrow();
    if (n >= 1) {
      Nd4j.getEnvironment().setMaxThreads(n);
      Nd4j.getEnvironment().setMaxMasterThreads(n);
    }
  }

  private static void check(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("native threads " + n + " must be at least 1");
    }
  }
}
