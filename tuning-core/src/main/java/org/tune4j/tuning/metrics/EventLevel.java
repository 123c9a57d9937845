package org.tune4j.tuning.metrics;

import java.util.Locale;

/**
 * Which level of a two-class problem is the "event" (the positive class) for binary metrics
 * such as precision, recall and roc_auc. Like yardstick, the default is {@link #FIRST}.
 *
 * <p>Multiclass metrics ignore it: they treat every level in turn as the event.
 */
public enum EventLevel {
  /** The first level is the event (yardstick's default, {@code event_level = "first"}). */
  FIRST,
  /** The second level is the event ({@code event_level = "second"}). */
  SECOND;

  /** The yardstick spelling: {@code first} or {@code second}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code first} or {@code second}.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static EventLevel fromLabel(String label) {
    for (EventLevel e : values()) {
      if (e.label().equals(label)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "event level \"" + label + "\" is not known; choose from: first, second");
  }

  /** Index of the event class in a two-level problem. */
  int eventIndex() {
    return this == FIRST ? 0 : 1;
  }
}
