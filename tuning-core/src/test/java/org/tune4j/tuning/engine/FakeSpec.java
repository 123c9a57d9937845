package org.tune4j.tuning.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.spec.TunableSpec;

/** A spec whose tuned parameters are a parameter set and whose values are a map: for engine tests. */
record FakeSpec(ParameterSet tuned, Map<String, Object> values) implements TunableSpec {
  static FakeSpec of(Parameter... params) {
    return new FakeSpec(ParameterSet.of(List.of(params)), Map.of());
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public ParameterSet parameters() {
    return tuned;
  }

  @Override
  public TunableSpec update(String id, Parameter parameter) {
    return new FakeSpec(tuned.update(id, parameter), values);
  }

  @Override
  public FakeSpec finalize(Map<String, ?> newValues) {
    Map<String, Object> v = new LinkedHashMap<>(values);
    v.putAll(newValues);
    return new FakeSpec(ParameterSet.of(List.of()), v);
  }

  @Override
  public boolean isFinal() {
    return tuned.size() == 0;
  }

  @Override
  public Optional<String> epochsParameterId() {
    return tuned.contains("fit_epochs") ? Optional.of("fit_epochs") : Optional.empty();
  }
}
