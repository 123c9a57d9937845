package org.tune4j.tuning.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a search strategy decided, with the numbers it decided on: a candidate eliminated by a
 * race with its interval, a candidate proposed by a Bayesian search with its acquisition value, a
 * tie broken, or a note on a degenerate case. Journaled with its {@link Round}, so a resumed run
 * shows (and makes) the same decisions. Immutable.
 *
 * <pre>{@code
 * Decision d = Decision.of("eliminate", "Model07", Map.of("estimate", -0.031, "lower", -0.052, "upper", -0.010),
 *     "its interval excludes the best");
 * }</pre>
 *
 * @param kind what was decided, e.g. {@code eliminate}, {@code keep}, {@code propose}, {@code tie_break},
 *     {@code note}
 * @param configId the candidate it is about, or empty for the whole round
 * @param values the numbers it rests on, by name, in order (NaN allowed)
 * @param detail one sentence for people
 */
public record Decision(String kind, String configId, Map<String, Double> values, String detail) {

  /** Validates and copies, keeping the order of {@code values}. */
  public Decision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(detail, "detail");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A decision about {@code configId}. */
  public static Decision of(String kind, String configId, Map<String, Double> values, String detail) {
    return new Decision(kind, configId, values, detail);
  }

  /** A note on the whole round (a degenerate case met, a fallback taken). */
  public static Decision note(String detail) {
    return new Decision("note", "", Map.of(), detail);
  }

  /** The value named {@code name}, or NaN. */
  public double value(String name) {
    return values.getOrDefault(name, Double.NaN);
  }
}
