package org.tune4j.models.spec;

import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.spec.Tunable;

/** The type of a block, fit or compile argument, and how a given value is checked and converted. */
enum ArgType {
  /** A whole number, held as {@code Integer}. */
  INT,
  /** A real number, held as {@code Double}. */
  DOUBLE,
  /** A name such as an activation, held as {@code String}. */
  STRING,
  /** A switch, held as {@code Boolean}. */
  BOOLEAN,
  /** Backbone weights, held as {@link Weights}; never tuned. */
  WEIGHTS;

  /**
   * Converts {@code value} to this type, or keeps a {@link Tunable}.
   *
   * @param where the argument, for messages, e.g. {@code dense units}
   * @throws IllegalArgumentException naming the argument, the value and the expected type
   */
  Object coerce(Object value, String where) {
    if (value instanceof Tunable) {
      if (this == WEIGHTS) {
        throw new IllegalArgumentException(where + " cannot be tuned; give Weights.random(seed), Weights.file(path)"
            + " or Weights.imagenet()");
      }
      return value;
    }
    switch (this) {
      case INT:
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
          return Math.toIntExact(((Number) value).longValue());
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          return (int) n.doubleValue();
        }
        break;
      case DOUBLE:
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        break;
      case STRING:
        if (value instanceof String s) {
          return s;
        }
        if (value instanceof Enum<?> e) {
          return e.name().toLowerCase(java.util.Locale.ROOT);
        }
        break;
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case WEIGHTS:
        if (value instanceof Weights) {
          return value;
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(where + " = " + value + " is not " + describe() + " (or tune())");
  }

  private String describe() {
    switch (this) {
      case INT: return "a whole number";
      case DOUBLE: return "a number";
      case STRING: return "a name";
      case BOOLEAN: return "true or false";
      default: return "Weights.random(seed), Weights.file(path) or Weights.imagenet()";
    }
  }
}
