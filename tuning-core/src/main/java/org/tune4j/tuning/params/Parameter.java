package org.tune4j.tuning.params;

/**
 * One tuning parameter: an id that names a grid column (e.g. {@code dense_units}), a label for
 * people, and the values it may take.
 *
 * <p>Use the factories in {@link Parameters} for dials' defaults, or {@link NumericParameter} and
 * {@link QualitativeParameter} directly. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * Parameter units = Parameters.hiddenUnits(16, 256).withId("dense_units");
 * }</pre>
 */
public sealed interface Parameter permits NumericParameter, QualitativeParameter {

  /** The id, unique in a {@link ParameterSet}; the column name of grids. */
  String id();

  /** A human label, e.g. {@code "# Hidden Units"}. */
  String label();

  /** A copy with another id (kerasnip names such as {@code dense_units}). */
  Parameter withId(String id);

  /** A copy with another label. */
  Parameter withLabel(String label);

  /** True if {@code value} is a value this parameter allows (a Number or a String). */
  boolean allows(Object value);

  /** What this parameter allows, for error messages, e.g. {@code [1, 10]} or {@code relu, tanh}. */
  String describeValues();

  /**
   * dials' {@code value_seq}: at most {@code n} values for a regular grid, in order. Numeric
   * parameters give {@code n} evenly spaced points from the lower to the upper end of the
   * transformed range, back-transformed (integers floored and de-duplicated), an excluded end
   * moved inside as dials 1.4 does ({@link NumericParameter#valueSeq(int)}); qualitative
   * parameters give their first {@code n} values.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  java.util.List<Object> valueSeq(int n);

  /**
   * The value at position {@code u} in {@code [0, 1]} of this parameter: for numeric parameters
   * {@code u} is spread over the transformed range; for qualitative ones it picks one of the
   * values in equal shares. Always a value this parameter {@link #allows}.
   *
   * @throws IllegalArgumentException if {@code u} is outside {@code [0, 1]}
   */
  Object fromUnit(double u);

  /**
   * The value at position {@code u} in {@code [0, 1]} of a space-filling design, as dials'
   * {@code encode_unit(direction = "backward")}: numeric parameters take
   * {@code lower + u * (upper - lower)} on the transformed scale, back-transformed, integers
   * <em>rounded</em> (where {@link #fromUnit} gives equal shares or floors, as random grids
   * do); qualitative ones cut {@code [0, 1]} into equal bins closed on the right, the first
   * also on the left (R's {@code cut(include.lowest = TRUE)}). Always a value this parameter
   * {@link #allows}.
   *
   * @throws IllegalArgumentException if {@code u} is outside {@code [0, 1]}
   */
  Object fromSpaceFilling(double u);
}
