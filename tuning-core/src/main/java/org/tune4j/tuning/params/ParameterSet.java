package org.tune4j.tuning.params;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered set of parameters with unique ids (dials' {@code parameters()}): the columns of a
 * grid, in column order.
 *
 * <p>Immutable and thread-safe; {@link #update} returns a changed copy. {@link #toJson} and
 * {@link #fromJson} save and load it.
 *
 * <pre>{@code
 * ParameterSet params = ParameterSet.of(Parameters.hiddenUnits().withId("dense_units"),
 *     Parameters.learnRate());
 * params = params.update("dense_units", Parameters.hiddenUnits(16, 256));
 * }</pre>
 */
public final class ParameterSet implements Iterable<Parameter> {

  private final List<Parameter> parameters;
  private final Map<String, Parameter> byId;

  private ParameterSet(List<Parameter> parameters) {
    Map<String, Parameter> map = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (p == null) {
        throw new IllegalArgumentException("parameters contain null; give parameter objects");
      }
      if (map.put(p.id(), p) != null) {
        throw new IllegalArgumentException("parameter id \"" + p.id()
            + "\" appears twice; ids must be unique (rename one with withId)");
      }
    }
    this.parameters = List.copyOf(parameters);
    this.byId = map;
  }

  /** A set of the given parameters, in order. */
  public static ParameterSet of(Parameter... parameters) {
    return of(List.of(parameters));
  }

  /**
   * A set of the given parameters, in order. The set may be empty: the parameters of a spec with
   * nothing left to tune.
   */
  public static ParameterSet of(List<? extends Parameter> parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException("parameters are null; give a list of parameters");
    }
    return new ParameterSet(new ArrayList<>(parameters));
  }

  /** The parameters, in order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The ids, in order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The number of parameters. */
  public int size() {
    return parameters.size();
  }

  /** The parameter at {@code index}. */
  public Parameter get(int index) {
    return parameters.get(index);
  }

  /** Whether a parameter has this id. */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * The parameter with this id.
   *
   * @throws IllegalArgumentException naming the known ids if there is none
   */
  public Parameter get(String id) {
    Parameter p = byId.get(id);
    if (p == null) {
      throw unknownId(id);
    }
    return p;
  }

  /**
   * A copy with the parameter {@code id} replaced by {@code newParameter}, which takes the id
   * {@code id} (as dials' {@code update(params, dense_units = hidden_units(c(16, 256)))}).
   *
   * @throws IllegalArgumentException naming the known ids if {@code id} is not one of them
   */
  public ParameterSet update(String id, Parameter newParameter) {
    if (!byId.containsKey(id)) {
      throw unknownId(id);
    }
    if (newParameter == null) {
      throw new IllegalArgumentException("new parameter for \"" + id
          + "\" is null; give a parameter object");
    }
    List<Parameter> copy = new ArrayList<>(parameters);
    copy.set(copy.indexOf(byId.get(id)), newParameter.withId(id));
    return new ParameterSet(copy);
  }

  /**
   * This set as pretty JSON text; see {@link ParameterSetJson} for the format.
   * {@code ParameterSet.fromJson(set.toJson())} equals {@code set}.
   */
  public String toJson() {
    return ParameterSetJson.toJson(this);
  }

  /**
   * Reads a parameter set written by {@link #toJson}.
   *
   * @throws IllegalArgumentException naming the JSON path (or the line and column, for bad
   *     syntax) if the text is not a valid parameter set
   */
  public static ParameterSet fromJson(String text) {
    return ParameterSetJson.fromJson(text);
  }

  private IllegalArgumentException unknownId(String id) {
    return new IllegalArgumentException("parameter id \"" + id
        + "\" is not in the parameter set; choose from: " + String.join(", ", byId.keySet()));
  }

  @Override
  public Iterator<Parameter> iterator() {
    return parameters.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterSet other && parameters.equals(other.parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Collection of " + size() + " parameters for tuning\n");
    for (Parameter p : parameters) {
      sb.append("  ").append(p.id()).append(" (").append(p.label()).append("): ")
          .append(p.describeValues()).append('\n');
    }
    return sb.toString();
  }
}
