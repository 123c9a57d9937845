package org.tune4j.tuning.params;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A numeric tuning parameter (dials' {@code new_quant_param}): a double or integer range given
 * on the transformed scale, with inclusive or exclusive ends.
 *
 * <p>{@code NumericParameter.ofDouble("learn_rate", "Learning Rate", -10, -1, Transform.LOG10)}
 * allows 1e-10 to 0.1. Grid values are {@code Double} for {@link NumericType#DOUBLE} and
 * {@code Integer} for {@link NumericType#INTEGER}. Immutable and thread-safe.
 *
 * @param id the grid column name
 * @param label a human label
 * @param type double or integer
 * @param lower the lower end, on the transformed scale
 * @param upper the upper end, on the transformed scale
 * @param lowerInclusive whether {@code lower} itself is allowed
 * @param upperInclusive whether {@code upper} itself is allowed
 * @param transform the scale of {@code lower} and {@code upper}
 */
public record NumericParameter(String id, String label, NumericType type, double lower,
    double upper, boolean lowerInclusive, boolean upperInclusive, Transform transform)
    implements Parameter {

  /** R's {@code .Machine$double.eps}, 2^-52, which dials' {@code value_seq_dbl} uses. */
  public static final double DOUBLE_EPS = Math.ulp(1.0);

  /** Relative distance below which a back-transformed value counts as a whole number. */
  private static final double WHOLE_NUMBER_TOLERANCE = 1e-9;

  /** Validates the arguments; see the class comment. */
  public NumericParameter {
    ParameterChecks.checkId(id);
    ParameterChecks.checkLabel(id, label);
    if (type == null || transform == null) {
      throw new IllegalArgumentException("parameter \"" + id + "\": type is " + type
          + " and transform is " + transform + "; give both (e.g. DOUBLE, IDENTITY)");
    }
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper
        || (lower == upper && !(lowerInclusive && upperInclusive))) {
      throw new IllegalArgumentException("range of parameter \"" + id + "\" is ["
          + ParameterChecks.format(lower) + ", " + ParameterChecks.format(upper)
          + "]; give finite ends with lower < upper (or equal ends, both inclusive)");
    }
    if (Double.isNaN(transform.inverse(lower)) || Double.isNaN(transform.inverse(upper))) {
      throw new IllegalArgumentException("range of parameter \"" + id + "\" has no "
          + transform.displayName() + " inverse; give a range on the transformed scale");
    }
    if (type == NumericType.INTEGER && Math.ceil(naturalLow(lower, lowerInclusive, transform))
        > Math.floor(naturalHigh(upper, upperInclusive, transform))) {
      throw new IllegalArgumentException("integer parameter \"" + id + "\" with range "
          + describe(lower, upper, lowerInclusive, upperInclusive, transform)
          + " contains no whole number; widen the range");
    }
  }

  /** A double parameter with both ends inclusive. */
  public static NumericParameter ofDouble(String id, String label, double lower, double upper,
      Transform transform) {
    return new NumericParameter(id, label, NumericType.DOUBLE, lower, upper, true, true,
        transform);
  }

  /** An integer parameter with both ends inclusive. */
  public static NumericParameter ofInteger(String id, String label, double lower, double upper,
      Transform transform) {
    return new NumericParameter(id, label, NumericType.INTEGER, lower, upper, true, true,
        transform);
  }

  @Override
  public NumericParameter withId(String newId) {
    return new NumericParameter(newId, label, type, lower, upper, lowerInclusive,
        upperInclusive, transform);
  }

  @Override
  public NumericParameter withLabel(String newLabel) {
    return new NumericParameter(id, newLabel, type, lower, upper, lowerInclusive,
        upperInclusive, transform);
  }

  /** A copy with another range, on the transformed scale; the ends keep their inclusiveness. */
  public NumericParameter withRange(double newLower, double newUpper) {
    return new NumericParameter(id, label, type, newLower, newUpper, lowerInclusive,
        upperInclusive, transform);
  }

  /** A copy with other inclusive flags for the ends. */
  public NumericParameter withInclusive(boolean newLowerInclusive, boolean newUpperInclusive) {
    return new NumericParameter(id, label, type, lower, upper, newLowerInclusive,
        newUpperInclusive, transform);
  }

  /** The lower end in natural units. */
  public double lowerValue() {
    return transform.inverse(lower);
  }

  /** The upper end in natural units. */
  public double upperValue() {
    return transform.inverse(upper);
  }

  @Override
  public boolean allows(Object value) {
    if (!(value instanceof Number number)) {
      return false;
    }
    double v = number.doubleValue();
    if (type == NumericType.INTEGER && v != Math.rint(v)) {
      return false;
    }
    return containsTransformed(transform.apply(v));
  }

  private boolean containsTransformed(double t) {
    if (Double.isNaN(t)) {
      return false;
    }
    boolean aboveLower = lowerInclusive ? t >= lower : t > lower;
    boolean belowUpper = upperInclusive ? t <= upper : t < upper;
    return aboveLower && belowUpper;
  }

  @Override
  public String describeValues() {
    return describe(lower, upper, lowerInclusive, upperInclusive, transform);
  }

  private static String describe(double lo, double hi, boolean loIn, boolean hiIn,
      Transform transform) {
    String open = loIn ? "[" : "(";
    String close = hiIn ? "]" : ")";
    String natural = open + ParameterChecks.format(transform.inverse(lo)) + ", "
        + ParameterChecks.format(transform.inverse(hi)) + close;
    if (transform == Transform.IDENTITY) {
      return natural;
    }
    return natural + " (" + transform.displayName() + " scale " + open
        + ParameterChecks.format(lo) + ", " + ParameterChecks.format(hi) + close + ")";
  }

  /**
   * dials' {@code value_seq} (1.4): R's {@code seq(from, to, length.out = n)} on the transformed
   * scale (exact ends, interior points {@code from + i * ((to - from) / (n - 1))}),
   * back-transformed; integers are floored and de-duplicated.
   *
   * <p>An excluded end moves inside as dials' {@code value_seq_dbl} and {@code value_seq_int}
   * move it: a double end by R's {@code .Machine$double.eps} ({@link #DOUBLE_EPS}, added to or
   * subtracted from the transformed end), an integer end by one. So {@code dropout()} with 2
   * levels gives 0 and {@code 1 - 2^-52}. One deliberate difference: where the end is too
   * large for the epsilon to change it (|end| of 2 or more), dials keeps the excluded end, which
   * every fit then rejects; here it becomes the next double inside ({@link Math#nextDown}).
   */
  @Override
  public List<Object> valueSeq(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("levels for parameter \"" + id + "\" is " + n
          + "; give at least 1");
    }
    double from = lower;
    double to = upper;
    if (type == NumericType.INTEGER) {
      from = lowerInclusive ? from : from + 1;
      to = upperInclusive ? to : to - 1;
    } else {
      from = lowerInclusive ? from : insideAbove(from);
      to = upperInclusive ? to : insideBelow(to);
    }
    Set<Object> values = new LinkedHashSet<>();
    for (double t : rSeq(from, to, n)) {
      double v = transform.inverse(t);
      values.add(type == NumericType.INTEGER ? (Object) floorWhole(v) : (Object) v);
    }
    return List.copyOf(new ArrayList<>(values));
  }

  private static double insideAbove(double end) {
    double moved = end + DOUBLE_EPS;
    return moved > end ? moved : Math.nextUp(end);
  }

  private static double insideBelow(double end) {
    double moved = end - DOUBLE_EPS;
    return moved < end ? moved : Math.nextDown(end);
  }

  /** R's {@code seq.default(from, to, length.out = n)} for finite ends. */
  private static double[] rSeq(double from, double to, int n) {
    double[] seq = new double[n];
    if (n == 1) {
      seq[0] = from;
      return seq;
    }
    double by = (to - from) / (n - 1);
    for (int i = 0; i < n - 1; i++) {
      seq[i] = from == to ? from : from + i * by;
    }
    seq[n - 1] = to;
    return seq;
  }

  /**
   * Spreads {@code u} over the transformed range. Integers without a transform are uniform over
   * the whole numbers in range (dials samples {@code min:max}); integers with a transform are
   * floored after back-transforming (dials' {@code value_samp_int}), or ceiled when the floor
   * falls outside the range. An excluded end is replaced by the nearest value inside.
   */
  @Override
  public Object fromUnit(double u) {
    checkUnit(u);
    if (type == NumericType.INTEGER && transform == Transform.IDENTITY) {
      int lo = (int) Math.ceil(naturalLow(lower, lowerInclusive, transform));
      int hi = (int) Math.floor(naturalHigh(upper, upperInclusive, transform));
      int count = hi - lo + 1;
      return lo + Math.min(count - 1, (int) Math.floor(u * count));
    }
    double t = lower + u * (upper - lower);
    t = Math.max(lower, Math.min(upper, t));
    if (!lowerInclusive && t <= lower) {
      t = Math.nextUp(lower);
    }
    if (!upperInclusive && t >= upper) {
      t = Math.nextDown(upper);
    }
    double v = transform.inverse(t);
    if (type == NumericType.DOUBLE) {
      return v;
    }
    int floor = floorWhole(v);
    return allows(floor) ? floor : (int) Math.ceil(v);
  }

  /**
   * dials' {@code encode_unit} backward: {@code lower + u * (upper - lower)} back-transformed;
   * integers rounded half to even (R's {@code round}). Two deliberate differences, both about
   * ends dials ignores here: a double at an excluded end becomes the nearest double inside, and
   * an integer rounded onto an excluded end (or past a fractional one) becomes the nearest whole
   * number the range allows.
   */
  @Override
  public Object fromSpaceFilling(double u) {
    checkUnit(u);
    if (type == NumericType.DOUBLE) {
      return fromUnit(u);
    }
    double v = transform.inverse(lower + u * (upper - lower));
    double lo = Math.ceil(naturalLow(lower, lowerInclusive, transform));
    double hi = Math.floor(naturalHigh(upper, upperInclusive, transform));
    return (int) Math.max(lo, Math.min(hi, Math.rint(v)));
  }

  private void checkUnit(double u) {
    if (!(u >= 0.0 && u <= 1.0)) {
      throw new IllegalArgumentException("unit position for parameter \"" + id + "\" is " + u
          + "; give a value in [0, 1]");
    }
  }

  /** Floors, first snapping values within a relative 1e-9 of a whole number to it. */
  private static int floorWhole(double v) {
    double r = Math.rint(v);
    if (Math.abs(v - r) <= WHOLE_NUMBER_TOLERANCE * Math.max(1.0, Math.abs(v))) {
      return (int) r;
    }
    return (int) Math.floor(v);
  }

  private static double naturalLow(double lo, boolean inclusive, Transform transform) {
    double v = transform.inverse(lo);
    return inclusive || v != Math.rint(v) ? v : v + 1;
  }

  private static double naturalHigh(double hi, boolean inclusive, Transform transform) {
    double v = transform.inverse(hi);
    return inclusive || v != Math.rint(v) ? v : v - 1;
  }
}
