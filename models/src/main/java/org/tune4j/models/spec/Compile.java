package org.tune4j.models.spec;

/**
 * The {@code compile} arguments of a spec: the optimizer ({@code compile_optimizer}: adam, sgd,
 * rmsprop), its learning rate ({@code learn_rate}, kerasnip's default 0.01), SGD's Nesterov momentum
 * ({@code compile_momentum}), decoupled weight decay ({@code compile_weight_decay}; Adam with weight
 * decay is AdamW) and an L2 penalty on dense and output weights ({@code compile_l2}), each a value or
 * {@code tune()}. The loss is categorical cross-entropy. Immutable.
 *
 * <pre>{@code
 * Compile.adam().learnRate(tune()).weightDecay(1e-4)            // AdamW
 * Compile.optimizer("sgd").learnRate(0.05).momentum(0.9).l2(1e-4)
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

  /** A copy with Nesterov momentum {@code m} in [0, 1) (optimizer sgd only; Keras' {@code nesterov = TRUE}). */
  public Compile momentum(Object m) {
    return with("momentum", m);
  }

  /**
   * A copy with decoupled weight decay {@code wd}: after each step, weights shrink by {@code learn_rate * wd *
   * W}, as Keras 3's {@code weight_decay} of every optimizer (Adam with it is AdamW).
   */
  public Compile weightDecay(Object wd) {
    return with("weight_decay", wd);
  }

  /** A copy with L2 penalty {@code x} on dense and output weights: their gradient gets {@code x * W}. */
  public Compile l2(Object x) {
    return with("l2", x);
  }

  /** The names of the arguments (as in JSON), in order. */
  public static java.util.List<String> argumentNames() {
    return Settings.COMPILE.stream().map(ArgSpec::name).toList();
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
