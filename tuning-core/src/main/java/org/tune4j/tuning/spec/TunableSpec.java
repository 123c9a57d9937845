package org.tune4j.tuning.spec;

import java.util.Map;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;

/**
 * A model description with arguments left to tune: what the tuning engine knows of a model.
 *
 * <p>Implemented by the model library (tune4j's {@code ModelSpec} in the models module); the
 * tuning engine and grids work only through this interface. Implementations are immutable and
 * thread-safe.
 */
public interface TunableSpec {

  /** The spec's name, e.g. {@code resnet_transfer}. */
  String name();

  /** Every tuned argument as a parameter with its range, in spec order. */
  ParameterSet parameters();

  /**
   * A copy in which parameter {@code id} takes another range or value set.
   *
   * @throws IllegalArgumentException naming the known ids when {@code id} is not tuned here
   */
  TunableSpec update(String id, Parameter parameter);

  /**
   * A copy with every tuned argument replaced by its value.
   *
   * @param values one value per parameter id, each allowed by the parameter
   * @throws IllegalArgumentException naming the id when a value is missing, extra or not allowed
   */
  TunableSpec finalize(Map<String, ?> values);

  /** {@link #finalize(Map)} with a grid candidate's values. */
  default TunableSpec finalize(Candidate candidate) {
    return finalize(candidate.values());
  }

  /** True when no argument is left to tune. */
  boolean isFinal();

  /**
   * The id of the tuned parameter that counts training epochs, if any: the tuning engine then
   * trains once per group of candidates that differ only in it and scores after each epoch count
   * (the epoch sub-model trick). The default: none.
   */
  default java.util.Optional<String> epochsParameterId() {
    return java.util.Optional.empty();
  }
}
