package org.tune4j.tuning.engine;

import java.util.Locale;

/**
 * How far a stage of a tuning run is: units done out of all, how fast, and when it should end. The
 * stage is featurizing ({@code images}: images through the frozen backbone) or tuning ({@code
 * tasks}: one fit of one candidate group on one resample).
 *
 * @param completed finished units
 * @param total all units
 * @param elapsedNanos time since the stage's first unit started
 * @param unit what is counted, plural: {@code tasks} or {@code images}
 */
public record Progress(int completed, int total, long elapsedNanos, String unit) {
  /** Progress of tasks. */
  public Progress(int completed, int total, long elapsedNanos) {
    this(completed, total, elapsedNanos, TASKS);
  }

  /** The unit of tuning tasks. */
  public static final String TASKS = "tasks";
  /** The unit of featurized images. */
  public static final String IMAGES = "images";

  /** Checks the unit. */
  public Progress {
    java.util.Objects.requireNonNull(unit, "unit");
  }

  /** Tasks per second so far (0 before the first one finishes). */
  public double rate() {
    return completed == 0 || elapsedNanos <= 0 ? 0 : completed / (elapsedNanos / 1e9);
  }

  /** Estimated seconds left, or NaN before the first task finishes. */
  public double etaSeconds() {
    double r = rate();
    return r == 0 ? Double.NaN : (total - completed) / r;
  }

  /** One line: {@code [12/135] 8.9% 2.10 tasks/s ETA 58s} (or {@code images/s} while featurizing). */
  public String format() {
    double eta = etaSeconds();
    String etaText = Double.isNaN(eta) ? "ETA --" : "ETA " + duration(eta);
    return String.format(Locale.ROOT, "[%d/%d] %.1f%% %.2f %s/s %s", completed, total,
        total == 0 ? 100.0 : 100.0 * completed / total, rate(), unit, etaText);
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
