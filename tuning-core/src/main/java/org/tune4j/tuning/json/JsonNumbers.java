package org.tune4j.tuning.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles and floats as the shortest decimal that reads back to the same value, the
 * same digits on every JDK. (Before JDK 19, {@code Double.toString} sometimes printed more
 * digits than needed, JDK-4511638, so golden files written on one JDK could differ on another.)
 */
final class JsonNumbers {

  /** Plain notation from here (Double.toString's lower bound). */
  private static final double PLAIN_MIN = 1e-3;
  /** Scientific notation from here (Double.toString's upper bound). */
  private static final double PLAIN_MAX = 1e7;
  /** 17 significant digits always round-trip a double. */
  private static final int MAX_DIGITS = 17;

  private JsonNumbers() {}

  /**
   * The JSON literal for a Double or Float: plain with at least one fractional digit for
   * magnitudes in [1e-3, 1e7) and zero ({@code 0.0}, {@code -0.0}, {@code 0.1}, {@code 1.0},
   * {@code 1234567.5}), otherwise scientific with a lowercase {@code e} ({@code 1e-10},
   * {@code 3.1622776601683795e-6}, {@code 1.5e300}).
   *
   * @throws IllegalArgumentException naming {@code path} for NaN and infinities
   */
  static String format(Number number, String path) {
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value at " + path + " is " + number
          + "; JSON has no NaN or Infinity, give a finite number (or leave the value out)");
    }
    if (value == 0.0) {
      return Double.doubleToRawLongBits(value) == 0L ? "0.0" : "-0.0";
    }
    BigDecimal shortest = shortest(number);
    double magnitude = Math.abs(value);
    if (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX) {
      String plain = shortest.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return scientific(shortest);
  }

  /** The decimal with the fewest significant digits that parses back to {@code number}. */
  private static BigDecimal shortest(Number number) {
    boolean isFloat = number instanceof Float;
    BigDecimal exact = isFloat ? new BigDecimal(number.floatValue())
        : new BigDecimal(number.doubleValue());
    for (int digits = 1; digits < MAX_DIGITS; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      boolean same = isFloat ? candidate.floatValue() == number.floatValue()
          : candidate.doubleValue() == number.doubleValue();
      if (same) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static String scientific(BigDecimal value) {
    String digits = value.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - value.scale();
    StringBuilder sb = new StringBuilder();
    if (value.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(exponent).toString();
  }
}
