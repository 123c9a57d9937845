package org.tune4j.models.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.Transform;
import org.tune4j.tuning.spec.Tunable;

/**
 * Finds the {@code tune()} placeholders of a spec, names them as kerasnip does, and fills them in.
 *
 * <p>Parameters come in kerasnip's order ({@code collect_spec_args}): every {@code num_<block>} (in block order),
 * then every block argument (block order, then argument order), {@code learn_rate}, the {@code fit_*} arguments
 * in the order of keras3's {@code fit()} formals, and the {@code compile_*} arguments. A grid with per-parameter
 * levels given in R's order is then the same grid.
 */
final class TunedArgs {
  /** Default range of {@code num_<block>}: 1 to 3 repetitions. */
  static final int NUM_BLOCKS_LOWER = 1;
  static final int NUM_BLOCKS_UPPER = 3;

  private TunedArgs() {}

  /** Where a tuned argument sits: a block argument, a block's repetition, a fit or compile argument. */
  enum Section { BLOCK, REPEAT, FIT, COMPILE }

  /**
   * The fit arguments in the order of keras3's {@code fit(object, x, y, ..., batch_size, epochs, callbacks,
   * validation_split, ...)}; {@code patience} configures the early-stopping callback, so it sits at
   * {@code callbacks}.
   */
  static final List<String> KERAS_FIT_ORDER = List.of("batch_size", "epochs", "patience", "validation_split");

  /**
   * One tuned argument.
   *
   * @param section where it sits
   * @param block the block name (for BLOCK and REPEAT)
   * @param arg the argument name (not for REPEAT)
   * @param parameter its parameter, under its id
   */
  record Slot(Section section, String block, String arg, Parameter parameter) {}

  static List<Slot> of(ModelSpec spec) {
    List<Slot> slots = new ArrayList<>();
    spec.nodes().forEach((name, node) -> {
      if (node.block().repeat() instanceof Tunable t) {
        String id = t.idOr("num_" + name);
        slots.add(new Slot(Section.REPEAT, name, null, param(spec, id, NumericParameter.ofInteger(id,
            "# " + name + " blocks", NUM_BLOCKS_LOWER, NUM_BLOCKS_UPPER, Transform.IDENTITY))));
      }
    });
    spec.nodes().forEach((name, node) -> {
      Block b = node.block();
      for (ArgSpec a : b.kind().args()) {
        if (b.args().get(a.name()) instanceof Tunable t) {
          String id = t.idOr(name + "_" + a.name());
          slots.add(new Slot(Section.BLOCK, name, a.name(), param(spec, id, a.parameter(id).orElseThrow())));
        }
      }
    });
    List<Slot> compile = new ArrayList<>();
    settings(spec, spec.compileArgs().settings, Section.COMPILE, compile);
    compile.stream().filter(TunedArgs::isLearnRate).forEach(slots::add);
    List<Slot> fit = new ArrayList<>();
    settings(spec, spec.fitArgs().settings, Section.FIT, fit);
    fit.sort(java.util.Comparator.comparingInt(s -> kerasFitRank(s.arg())));
    slots.addAll(fit);
    compile.stream().filter(s -> !isLearnRate(s)).forEach(slots::add);
    Set<String> seen = new LinkedHashSet<>();
    for (Slot s : slots) {
      if (!seen.add(s.parameter().id())) {
        throw new IllegalArgumentException("spec \"" + spec.name() + "\": two tuned arguments share the id \""
            + s.parameter().id() + "\"; give one of them its own id with tune(\"other_id\")");
      }
    }
    return slots;
  }

  private static int kerasFitRank(String arg) {
    int rank = KERAS_FIT_ORDER.indexOf(arg);
    if (rank < 0) {
      throw new IllegalStateException("fit argument \"" + arg + "\" has no place in KERAS_FIT_ORDER; add it there");
    }
    return rank;
  }

  private static boolean isLearnRate(Slot s) {
    return s.arg().equals("learn_rate");
  }

  private static void settings(ModelSpec spec, Settings settings, Section section, List<Slot> slots) {
    for (ArgSpec a : settings.specs()) {
      if (settings.values().get(a.name()) instanceof Tunable t) {
        String id = t.idOr(settings.parameterId(a.name()));
        slots.add(new Slot(section, null, a.name(), param(spec, id, a.parameter(id).orElseThrow())));
      }
    }
  }

  private static Parameter param(ModelSpec spec, String id, Parameter fallback) {
    return spec.overrides().getOrDefault(id, fallback);
  }

  static ModelSpec fill(ModelSpec spec, Map<String, ?> values) {
    List<Slot> slots = of(spec);
    List<String> ids = slots.stream().map(s -> s.parameter().id()).toList();
    for (String key : values.keySet()) {
      if (!ids.contains(key)) {
        throw new IllegalArgumentException("value for \"" + key + "\" does not match a tuned parameter of spec \""
            + spec.name() + "\"; tuned parameters: " + ids);
      }
    }
    Map<String, ModelSpec.Node> nodes = new LinkedHashMap<>(spec.nodes());
    Fit fit = spec.fitArgs();
    Compile compile = spec.compileArgs();
    for (Slot s : slots) {
      String id = s.parameter().id();
      Object v = values.get(id);
      if (v == null) {
        throw new IllegalArgumentException("no value for tuned parameter \"" + id + "\" of spec \"" + spec.name()
            + "\"; give one value for each of " + ids);
      }
      if (!s.parameter().allows(v)) {
        throw new IllegalArgumentException("value " + id + " = " + v + " is outside its range "
            + s.parameter().describeValues() + "; choose a value in range or update the range");
      }
      switch (s.section()) {
        case BLOCK -> replace(nodes, s.block(), nodes.get(s.block()).block().with(s.arg(), v));
        case REPEAT -> replace(nodes, s.block(), nodes.get(s.block()).block()
            .withRepeatValue(ArgType.INT.coerce(v, "num_" + s.block())));
        case FIT -> fit = fit.with(s.arg(), v);
        case COMPILE -> compile = compile.with(s.arg(), v);
        default -> throw new IllegalStateException("unknown section " + s.section());
      }
    }
    return spec.withParts(nodes, fit, compile);
  }

  private static void replace(Map<String, ModelSpec.Node> nodes, String name, Block block) {
    nodes.put(name, new ModelSpec.Node(block, nodes.get(name).inputs()));
  }
}
