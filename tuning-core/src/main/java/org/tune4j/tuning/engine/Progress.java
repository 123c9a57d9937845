package org.tune4j.tuning.engine;

import java.util.Locale;

/**
 * How far a tuning run is: tasks done out of all, how fast, and when it should end.
 *
 * @param completed finished tasks (a task is one fit of one candidate group on one resample)
 * @param total all tasks
 * @param elapsedNanos time since the run's first task started
 */
public record Progress(int completed, int total, long elapsedNanos) {

  /** Tasks per second so far (0 before the first one finishes). */
  public double rate() {
    return completed == 0 || elapsedNanos <= 0 ? 0 : completed / (elapsedNanos / 1e9);
  }

  /** Estimated seconds left, or NaN before the first task finishes. */
  public double etaSeconds() {
    double r = rate();
    return r == 0 ? Double.NaN : (total - completed) / r;
  }

  /** One line: {@code [12/135] 8.9% 2.10 tasks/s ETA 58s}. */
  public String format() {
    double eta = etaSeconds();
    String etaText = Double.isNaN(eta) ? "ETA --" : "ETA " + duration(eta);
    return String.format(Locale.ROOT, "[%d/%d] %.1f%% %.2f tasks/s %s", completed, total,
        total == 0 ? 100.0 : 100.0 * completed / total, rate(), etaText);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
  }
}
