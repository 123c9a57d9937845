package org.tune4j.models.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.Transform;

/**
 * The {@code fit} or {@code compile} arguments of a spec (kerasnip's {@code fit_*} and
 * {@code compile_*}): values or {@code tune()}. Immutable; made through {@link Fit} and
 * {@link Compile}.
 */
final class Settings {
  /** fit: epochs (Keras' default 1), batch_size (32), validation_split (0), patience (0: no early stopping). */
  static final List<ArgSpec> FIT = List.of(
      ArgSpec.tunable("epochs", ArgType.INT, 1, Parameters::epochs),
      ArgSpec.tunable("batch_size", ArgType.INT, 32, Parameters::batchSize),
      ArgSpec.tunable("validation_split", ArgType.DOUBLE, 0.0,
          () -> NumericParameter.ofDouble("validation_split", "Validation split", 0.0, 0.5, Transform.IDENTITY)),
      ArgSpec.tunable("patience", ArgType.INT, 0,
          () -> NumericParameter.ofInteger("patience", "Early stopping patience", 0, 10, Transform.IDENTITY)));
  /**
   * compile: optimizer (adam), learn_rate (kerasnip's default 0.01), momentum (SGD's Nesterov momentum, 0),
   * weight_decay (decoupled, 0), l2 (on dense and output weights, 0).
   */
  static final List<ArgSpec> COMPILE = List.of(
      ArgSpec.tunable("optimizer", ArgType.STRING, "adam", Parameters::optimizer),
      ArgSpec.tunable("learn_rate", ArgType.DOUBLE, 0.01, Parameters::learnRate),
      ArgSpec.tunable("momentum", ArgType.DOUBLE, 0.0,
          () -> NumericParameter.ofDouble("momentum", "Momentum", 0.0, 0.99, Transform.IDENTITY)),
      ArgSpec.tunable("weight_decay", ArgType.DOUBLE, 0.0,
          () -> NumericParameter.ofDouble("weight_decay", "Weight Decay", -6, -1, Transform.LOG10)),
      ArgSpec.tunable("l2", ArgType.DOUBLE, 0.0, Parameters::penalty));

  /**
   * Arguments added after version 1 of the JSON form, written only when they differ from their default, so a spec
   * saved before keeps its exact text (and the fingerprint of the runs that used it).
   */
  static final java.util.Set<String> WRITTEN_WHEN_SET = java.util.Set.of("patience", "momentum", "weight_decay", "l2");

  private final String prefix;
  private final List<ArgSpec> specs;
  private final Map<String, Object> values;

  private Settings(String prefix, List<ArgSpec> specs, Map<String, Object> values) {
    this.prefix = prefix;
    this.specs = specs;
    this.values = Collections.unmodifiableMap(values);
  }

  static Settings defaults(String prefix, List<ArgSpec> specs) {
    Map<String, Object> v = new LinkedHashMap<>();
    specs.forEach(s -> v.put(s.name(), s.defaultValue()));
    return new Settings(prefix, specs, v);
  }

  Settings with(String name, Object value) {
    ArgSpec s = spec(name);
    Map<String, Object> v = new LinkedHashMap<>(values);
    v.put(name, s.type().coerce(Objects.requireNonNull(value, prefix + " " + name), prefix + " " + name));
    return new Settings(prefix, specs, v);
  }

  ArgSpec spec(String name) {
    for (ArgSpec s : specs) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(prefix + " has no argument \"" + name + "\"; it takes "
        + specs.stream().map(ArgSpec::name).toList());
  }

  /** The parameter id of argument {@code name}: {@code fit_epochs}, {@code compile_optimizer}, {@code learn_rate}. */
  String parameterId(String name) {
    return name.equals("learn_rate") ? "learn_rate" : prefix + "_" + name;
  }

  List<ArgSpec> specs() {
    return specs;
  }

  Map<String, Object> values() {
    return values;
  }

  String prefix() {
    return prefix;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings s && s.prefix.equals(prefix) && s.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prefix, values);
  }

  @Override
  public String toString() {
    return prefix + values;
  }
}
