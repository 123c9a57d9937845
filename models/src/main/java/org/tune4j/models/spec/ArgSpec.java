package org.tune4j.models.spec;

import java.util.Optional;
import java.util.function.Supplier;
import org.tune4j.tuning.params.Parameter;

/**
 * One argument a block (or {@code fit}, or {@code compile}) takes: its name, type, default value
 * and, for tunable arguments, the dials parameter that gives its default range.
 *
 * @param name the argument name, e.g. {@code units}
 * @param type how values are checked
 * @param defaultValue the value when the user gives none, or null when one is required
 * @param tuning the default parameter when tuned, or null when the argument cannot be tuned
 */
record ArgSpec(String name, ArgType type, Object defaultValue, Supplier<Parameter> tuning) {

  static ArgSpec tunable(String name, ArgType type, Object defaultValue, Supplier<Parameter> tuning) {
    return new ArgSpec(name, type, defaultValue, tuning);
  }

  static ArgSpec fixed(String name, ArgType type, Object defaultValue) {
    return new ArgSpec(name, type, defaultValue, null);
  }

  /** The default parameter for this argument under {@code id}, if it can be tuned. */
  Optional<Parameter> parameter(String id) {
    return tuning == null ? Optional.empty() : Optional.of(tuning.get().withId(id));
  }
}
