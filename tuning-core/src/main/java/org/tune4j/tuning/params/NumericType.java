package org.tune4j.tuning.params;

/** Whether a numeric parameter takes any double or only whole numbers (dials' {@code type}). */
public enum NumericType {
  /** Any double in the range. Printed as {@code <dbl>}. */
  DOUBLE,
  /** Whole numbers only; grid values are floored as dials does. Printed as {@code <int>}. */
  INTEGER
}
