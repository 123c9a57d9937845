package org.tune4j.models.spec;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a spec's wiring: one image input first, one softmax block named {@code output}, one
 * input per block (the block kinds so far take one), and every block on the path to the output.
 */
final class SpecStructure {
  private SpecStructure() {}

  static void validate(ModelSpec spec) {
    Map<String, ModelSpec.Node> nodes = spec.nodes();
    String where = "spec \"" + spec.name() + "\": ";
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException(where + "has no blocks; add an image input, a backbone and an output");
    }
    String first = nodes.keySet().iterator().next();
    if (nodes.get(first).block().kind() != BlockKind.IMAGE_INPUT) {
      throw new IllegalArgumentException(where + "the first block \"" + first + "\" is "
          + nodes.get(first).block().kind().kerasName() + "; the first block must be an image_input");
    }
    nodes.forEach((name, node) -> {
      BlockKind kind = node.block().kind();
      if (kind == BlockKind.IMAGE_INPUT && !name.equals(first)) {
        throw new IllegalArgumentException(where + "block \"" + name + "\" is a second image_input; a spec has one");
      }
      if (kind != BlockKind.IMAGE_INPUT && node.inputs().size() != 1) {
        throw new IllegalArgumentException(where + "block \"" + name + "\" (" + kind.kerasName() + ") has "
            + node.inputs().size() + " inputs " + node.inputs() + "; it takes exactly one");
      }
      if (kind == BlockKind.SOFTMAX_OUTPUT && !name.equals(ModelSpec.OUTPUT)) {
        throw new IllegalArgumentException(where + "the softmax output block is named \"" + name
            + "\"; name it \"output\" (kerasnip's rule)");
      }
      for (var a : kind.args()) {
        if (a.defaultValue() == null && !node.block().args().containsKey(a.name()) && !isSize(kind, a.name())) {
          throw new IllegalArgumentException(where + "block \"" + name + "\" needs argument " + a.name());
        }
      }
    });
    ModelSpec.Node output = nodes.get(ModelSpec.OUTPUT);
    if (output == null || output.block().kind() != BlockKind.SOFTMAX_OUTPUT) {
      throw new IllegalArgumentException(where + "has no block named \"output\" made by Blocks.softmaxOutput();"
          + " add one as the last block");
    }
    Set<String> onPath = new HashSet<>();
    String cursor = ModelSpec.OUTPUT;
    while (true) {
      onPath.add(cursor);
      ModelSpec.Node n = nodes.get(cursor);
      if (n.inputs().isEmpty()) {
        break;
      }
      cursor = n.inputs().get(0);
    }
    for (String name : nodes.keySet()) {
      if (!onPath.contains(name)) {
        throw new IllegalArgumentException(where + "block \"" + name + "\" does not lead to the output;"
            + " wire it in or remove it");
      }
    }
  }

  private static boolean isSize(BlockKind kind, String arg) {
    return kind == BlockKind.IMAGE_INPUT && (arg.equals("height") || arg.equals("width"));
  }
}
