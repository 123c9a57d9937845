package org.tune4j.models.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * A model described as named blocks wired into a graph, with {@code fit} and {@code compile}
 * arguments — kerasnip's {@code create_keras_functional_spec} in Java. Any argument may be
 * {@code tune()}; {@link #parameters()} lists them under kerasnip's names ({@code dense_units},
 * {@code num_dense}, {@code fit_epochs}, {@code learn_rate}, {@code compile_optimizer}) with dials'
 * default ranges, and {@link #finalize(Map)} fills them in.
 *
 * <p>Every block names its input (one, for the block kinds so far); the first block is the image
 * input and the block named {@code output} is the softmax output. {@link #sequential(String)}
 * wires each block to the one before. Immutable and thread-safe; every method returns a copy.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.functional("resnet_transfer")
 *     .block("input", Blocks.imageInput())
 *     .block("base", Blocks.resnet50(Weights.random(42)), "input")   // or Blocks.backbone("resnet101", …)
 *     .block("pool", Blocks.globalAveragePooling(), "base")
 *     .block("dense", Blocks.dense(tune(), "relu"), "pool")
 *     .block("dropout", Blocks.dropout(tune()), "dense")
 *     .block("output", Blocks.softmaxOutput(), "dropout")
 *     .fit(Fit.epochs(5).batchSize(32))
 *     .compile(Compile.adam().learnRate(tune()));
 * spec.parameters();   // dense_units, dropout_rate, learn_rate
 * }</pre>
 */
public final class ModelSpec implements TunableSpec {
  /** The name every spec's output block must have (kerasnip's rule). */
  public static final String OUTPUT = "output";

  private final String name;
  private final boolean sequential;
  private final Map<String, Node> nodes;
  private final Fit fit;
  private final Compile compile;
  private final Map<String, Parameter> overrides;

  /** A block and the names of its inputs. */
  record Node(Block block, List<String> inputs) {
    Node {
      inputs = List.copyOf(inputs);
    }
  }

  private ModelSpec(String name, boolean sequential, Map<String, Node> nodes, Fit fit, Compile compile,
      Map<String, Parameter> overrides) {
    this.name = name;
    this.sequential = sequential;
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.fit = fit;
    this.compile = compile;
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** An empty functional spec: every block names its input. */
  public static ModelSpec functional(String name) {
    return new ModelSpec(checkName(name, "spec name"), false, Map.of(), Fit.defaults(), Compile.adam(), Map.of());
  }

  /** An empty sequential spec: each block takes the previous block as its input. */
  public static ModelSpec sequential(String name) {
    return new ModelSpec(checkName(name, "spec name"), true, Map.of(), Fit.defaults(), Compile.adam(), Map.of());
  }

  /**
   * A copy with block {@code blockName} appended, reading from {@code inputs} (blocks declared
   * earlier). In a sequential spec, no inputs means the previous block.
   *
   * @throws IllegalArgumentException for a bad or repeated name, or an input that is not declared
   */
  public ModelSpec block(String blockName, Block block, String... inputs) {
    checkName(blockName, "block name");
    Objects.requireNonNull(block, "block");
    if (nodes.containsKey(blockName)) {
      throw new IllegalArgumentException("block \"" + blockName + "\" is already in spec \"" + name
          + "\"; give each block its own name");
    }
    List<String> in = new ArrayList<>(List.of(inputs));
    if (in.isEmpty() && sequential && !nodes.isEmpty()) {
      in.add(new ArrayList<>(nodes.keySet()).get(nodes.size() - 1));
    }
    for (String i : in) {
      if (!nodes.containsKey(i)) {
        throw new IllegalArgumentException("block \"" + blockName + "\" reads from \"" + i + "\", which is not"
            + " declared before it; declared blocks: " + nodes.keySet());
      }
    }
    Map<String, Node> copy = new LinkedHashMap<>(nodes);
    copy.put(blockName, new Node(block, in));
    return new ModelSpec(name, sequential, copy, fit, compile, overrides);
  }

  /** A copy with other {@code fit} arguments. */
  public ModelSpec fit(Fit newFit) {
    return new ModelSpec(name, sequential, nodes, Objects.requireNonNull(newFit, "fit"), compile, overrides);
  }

  /** A copy with other {@code compile} arguments. */
  public ModelSpec compile(Compile newCompile) {
    return new ModelSpec(name, sequential, nodes, fit, Objects.requireNonNull(newCompile, "compile"), overrides);
  }

  /** The spec itself: tune4j's specs are classification models (the mode kerasnip asks for). */
  public ModelSpec classification() {
    SpecStructure.validate(this);
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  /** Whether blocks default to reading from the previous block. */
  public boolean isSequential() {
    return sequential;
  }

  /** The blocks by name, in declaration order. */
  public Map<String, Block> blocks() {
    Map<String, Block> out = new LinkedHashMap<>();
    nodes.forEach((k, v) -> out.put(k, v.block()));
    return Collections.unmodifiableMap(out);
  }

  /** The inputs of block {@code blockName}. */
  public List<String> inputsOf(String blockName) {
    Node n = nodes.get(blockName);
    if (n == null) {
      throw new IllegalArgumentException("spec \"" + name + "\" has no block \"" + blockName + "\"; blocks: " + nodes.keySet());
    }
    return n.inputs();
  }

  /** The fit arguments. */
  public Fit fitArgs() {
    return fit;
  }

  /** The compile arguments. */
  public Compile compileArgs() {
    return compile;
  }

  /** Ranges the user replaced with {@link #update}, by parameter id. */
  public Map<String, Parameter> overrides() {
    return overrides;
  }

  Map<String, Node> nodes() {
    return nodes;
  }

  @Override
  public ParameterSet parameters() {
    SpecStructure.validate(this);
    return ParameterSet.of(TunedArgs.of(this).stream().map(TunedArgs.Slot::parameter).toList());
  }

  @Override
  public ModelSpec update(String id, Parameter parameter) {
    ParameterSet current = parameters();
    if (!current.contains(id)) {
      throw new IllegalArgumentException("parameter \"" + id + "\" is not tuned in spec \"" + name
          + "\"; tuned parameters: " + current.ids());
    }
    Map<String, Parameter> copy = new LinkedHashMap<>(overrides);
    copy.put(id, parameter.withId(id));
    return new ModelSpec(name, sequential, nodes, fit, compile, copy);
  }

  @Override
  public ModelSpec finalize(Map<String, ?> values) {
    SpecStructure.validate(this);
    return TunedArgs.fill(this, values);
  }

  @Override
  public ModelSpec finalize(Candidate candidate) {
    return finalize(candidate.values());
  }

  @Override
  public java.util.Optional<String> epochsParameterId() {
    return TunedArgs.of(this).stream()
        .filter(s -> s.section() == TunedArgs.Section.FIT && s.arg().equals("epochs"))
        .map(s -> s.parameter().id()).findFirst();
  }

  @Override
  public boolean isFinal() {
    return TunedArgs.of(this).isEmpty();
  }

  /** This spec as JSON ({@link ModelSpecJson}). */
  public String toJson() {
    return ModelSpecJson.toJson(this);
  }

  /** Reads a spec written by {@link #toJson()}. */
  public static ModelSpec fromJson(String json) {
    return ModelSpecJson.fromJson(json);
  }

  ModelSpec withParts(Map<String, Node> newNodes, Fit newFit, Compile newCompile) {
    return new ModelSpec(name, sequential, newNodes, newFit, newCompile, Map.of());
  }

  static String checkName(String name, String what) {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(what + " \"" + name + "\" must start with a lower-case letter and hold"
          + " only lower-case letters, digits and underscores (it becomes part of parameter ids)");
    }
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSpec s && s.name.equals(name) && s.sequential == sequential && s.nodes.equals(nodes)
        && s.fit.equals(fit) && s.compile.equals(compile) && s.overrides.equals(overrides);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, sequential, nodes, fit, compile, overrides);
  }

  /** A kerasnip-like summary: the blocks with their inputs and arguments, then fit, compile and the tuned ids. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(System.lineSeparator());
    j.add("Model spec \"" + name + "\" (" + (sequential ? "sequential" : "functional") + ", classification)");
    nodes.forEach((k, v) -> j.add("  " + k + (v.inputs().isEmpty() ? "" : " <- " + String.join(", ", v.inputs()))
        + ": " + v.block()));
    j.add("  fit: " + fit.settings.values());
    j.add("  compile: " + compile.settings.values());
    List<String> tuned = TunedArgs.of(this).stream().map(s -> s.parameter().id()).toList();
    j.add("  tuned: " + (tuned.isEmpty() ? "none" : String.join(", ", tuned)));
    return j.toString();
  }
}
