package org.tune4j.models.head;

import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.activations.Activation;

/** The activation names tune4j's heads take, and their DL4J counterparts. Stateless. */
public final class Activations {
  /** Known names, as Keras spells them. */
  public static final List<String> NAMES = List.of("relu", "sigmoid", "tanh", "elu", "gelu", "linear");

  private Activations() {}

  /**
   * The DL4J activation for a Keras name.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static Activation toDl4j(String name) {
    switch (String.valueOf(name).toLowerCase(Locale.ROOT)) {
      case "relu": return Activation.RELU;
      case "sigmoid": return Activation.SIGMOID;
      case "tanh": return Activation.TANH;
      case "elu": return Activation.ELU;
      case "gelu": return Activation.GELU;
      case "linear": return Activation.IDENTITY;
      default:
        throw new IllegalArgumentException("activation \"" + name + "\" is not known; choose from: "
            + String.join(", ", NAMES));
    }
  }

  /** The Keras name of a DL4J activation that has one. */
  public static String nameOf(Activation activation) {
    for (String n : NAMES) {
      if (toDl4j(n) == activation) {
        return n;
      }
    }
    throw new IllegalArgumentException("activation " + activation + " has no head counterpart; use one of "
        + String.join(", ", NAMES));
  }
}
