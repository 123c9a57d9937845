package org.tune4j.models.spec;

/**
 * The {@code compile} arguments of a spec: the optimizer ({@code compile_optimizer}: adam, sgd,
 * rmsprop) and its learning rate ({@code learn_rate}, kerasnip's default 0.01), each a value or
 * {@code tune()}. The loss is categorical cross-entropy. Immutable.
 *
 * <pre>{@code
 * Compile.adam().learnRate(tune())
 * }</pre>
 */
public final class Compile {
  final Settings settings;

  private Compile(Settings settings) {
    this.settings = settings;
  }

  /** Adam at 0.01. */
  public static Compile adam() {
    return new Compile(Settings.defaults("compile", Settings.COMPILE));
  }

  /** The optimizer {@code name} (or {@code tune()}) at 0.01. */
  public static Compile optimizer(Object name) {
    return adam().with("optimizer", name);
  }

  /** A copy with learning rate {@code rate}. */
  public Compile learnRate(Object rate) {
    return with("learn_rate", rate);
  }

  /** A copy with argument {@code name} (as named in JSON) set. */
  public Compile with(String name, Object value) {
    return new Compile(settings.with(name, value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Compile c && c.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return settings.toString();
  }
}
