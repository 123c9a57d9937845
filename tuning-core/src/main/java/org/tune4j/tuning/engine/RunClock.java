package org.tune4j.tuning.engine;

import java.util.function.LongSupplier;

/**
 * When a run's fitting started, on the control's clock: set once, after the first featurizing, so rates
 * and ETAs count fits only, across every round of a search. Thread-confined to the run's driver.
 */
final class RunClock {
  private final LongSupplier clock;
  private long start = Long.MIN_VALUE;

  RunClock(LongSupplier clock) {
    this.clock = clock;
  }

  /** Marks the start now unless it is marked. */
  void startIfUnset() {
    if (start == Long.MIN_VALUE) {
      start = clock.getAsLong();
    }
  }

  /** Nanoseconds since the start (0 before it). */
  long elapsed() {
    return start == Long.MIN_VALUE ? 0 : clock.getAsLong() - start;
  }
}
