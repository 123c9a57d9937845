package org.tune4j.tuning.spec;

import java.util.Optional;

/**
 * A placeholder for an argument whose value the tuning will choose, as tune's {@code tune()}.
 *
 * <p>Put it wherever a spec takes an argument; the spec lists it in its parameters under its
 * kerasnip name ({@code dense_units} for argument {@code units} of block {@code dense}), or under
 * the id given with {@link #tune(String)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * import static org.tune4j.tuning.spec.Tunable.tune;
 * Blocks.dense(tune(), "relu");          // parameter dense_units
 * Blocks.dropout(tune("drop"));          // parameter drop
 * }</pre>
 *
 * @param id the parameter id the user chose, or empty for the spec's own name
 */
public record Tunable(Optional<String> id) {

  /** Validates the id: letters, digits and underscores, starting with a letter. */
  public Tunable {
    if (id.isPresent() && !id.get().matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("tune(\"" + id.get() + "\"): an id must start with a letter and hold only"
          + " letters, digits and underscores, such as \"dense_units\"");
    }
  }

  /** A tuned argument named by the spec ({@code <block>_<arg>}). */
  public static Tunable tune() {
    return new Tunable(Optional.empty());
  }

  /** A tuned argument with the parameter id {@code id}. */
  public static Tunable tune(String id) {
    return new Tunable(Optional.of(id));
  }

  /** The parameter id: the user's, or {@code defaultId}. */
  public String idOr(String defaultId) {
    return id.orElse(defaultId);
  }

  @Override
  public String toString() {
    return id.map(s -> "tune(\"" + s + "\")").orElse("tune()");
  }
}
