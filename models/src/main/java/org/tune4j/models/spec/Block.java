package org.tune4j.models.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.tune4j.tuning.spec.Tunable;

/**
 * One block of a {@link ModelSpec}: its kind, its argument values (each a value or
 * {@link Tunable#tune()}), and how many times it repeats ({@code num_<block>}, 1 by default, 0
 * removes it). Make blocks with {@link Blocks}; immutable and thread-safe.
 *
 * <pre>{@code
 * Block dense = Blocks.dense(tune(), "relu").repeat(tune());   // dense_units, num_dense
 * }</pre>
 */
public final class Block {
  private final BlockKind kind;
  private final Map<String, Object> args;
  private final Object repeat;

  private Block(BlockKind kind, Map<String, Object> args, Object repeat) {
    this.kind = kind;
    this.args = Collections.unmodifiableMap(args);
    this.repeat = repeat;
  }

  /** A block of {@code kind} with every argument at its default (required ones still unset). */
  public static Block of(BlockKind kind) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (ArgSpec a : kind.args()) {
      if (a.defaultValue() != null) {
        args.put(a.name(), a.defaultValue());
      }
    }
    return new Block(Objects.requireNonNull(kind, "kind"), args, 1);
  }

  /**
   * A copy with argument {@code name} set to {@code value} (a value of the argument's type, or a
   * {@link Tunable}).
   *
   * @throws IllegalArgumentException naming the argument and the kind's arguments, or the value and
   *     the expected type
   */
  public Block with(String name, Object value) {
    ArgSpec spec = kind.arg(name);
    Objects.requireNonNull(value, () -> kind.kerasName() + " " + name + " is null; give a value or tune()");
    if (value instanceof Tunable && spec.tuning() == null) {
      throw new IllegalArgumentException(kind.kerasName() + " " + name + " cannot be tuned; give a value");
    }
    Map<String, Object> copy = new LinkedHashMap<>(args);
    copy.put(name, spec.type().coerce(value, kind.kerasName() + " " + name));
    return new Block(kind, copy, repeat);
  }

  /**
   * A copy that repeats {@code times} times in a row (0 removes the block), or {@code tune()} for
   * the parameter {@code num_<block>}.
   *
   * @throws IllegalArgumentException when the kind cannot repeat or {@code times} is negative
   */
  public Block repeat(Object times) {
    if (!kind.repeatable()) {
      throw new IllegalArgumentException(kind.kerasName() + " blocks cannot repeat; only dense, dropout,"
          + " batch_normalization and activation blocks can");
    }
    Object t = ArgType.INT.coerce(Objects.requireNonNull(times, "times"), kind.kerasName() + " repeat");
    if (t instanceof Integer n && n < 0) {
      throw new IllegalArgumentException(kind.kerasName() + " repeat = " + n + " must be at least 0");
    }
    return new Block(kind, new LinkedHashMap<>(args), t);
  }

  /** The kind. */
  public BlockKind kind() {
    return kind;
  }

  /** The arguments set, by name (values or {@link Tunable}s). */
  public Map<String, Object> args() {
    return args;
  }

  /** The argument {@code name}'s value or {@link Tunable}, or null when unset. */
  public Object arg(String name) {
    kind.arg(name);
    return args.get(name);
  }

  /** The repetition count ({@code Integer}) or a {@link Tunable}. */
  public Object repeat() {
    return repeat;
  }

  /** True when an argument or the repetition is still {@code tune()}. */
  public boolean isTuned() {
    return repeat instanceof Tunable || args.values().stream().anyMatch(v -> v instanceof Tunable);
  }

  Block withRepeatValue(Object times) {
    return new Block(kind, new LinkedHashMap<>(args), times);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b && b.kind == kind && b.args.equals(args) && b.repeat.equals(repeat);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, args, repeat);
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", kind.kerasName() + "(", ")");
    args.forEach((k, v) -> j.add(k + " = " + (v instanceof String s ? "\"" + s + "\"" : v)));
    String s = j.toString();
    return repeat.equals(1) ? s : s + " × " + repeat;
  }
}
