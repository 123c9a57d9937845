package org.tune4j.tuning.params;

/** Argument checks shared by the parameter types. */
final class ParameterChecks {

  private ParameterChecks() {}

  /** Checks an id: letters, digits, {@code _} and {@code .}, starting with a letter. */
  static String checkId(String id) {
    if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_.]*")) {
      throw new IllegalArgumentException("parameter id \"" + id
          + "\" is not valid; use letters, digits, '_' and '.', starting with a letter");
    }
    return id;
  }

  /** Checks a label: not null or blank. */
  static String checkLabel(String id, String label) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label of parameter \"" + id + "\" is \"" + label
          + "\"; give a non-blank label");
    }
    return label;
  }

  /** Formats a double briefly: integers without ".0", others with up to 6 significant digits. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = String.format(java.util.Locale.ROOT, "%.6g", value);
    if (s.contains("e")) {
      String mantissa = s.substring(0, s.indexOf('e'));
      String exponent = s.substring(s.indexOf('e') + 1);
      return stripZeros(mantissa) + "e" + Integer.parseInt(exponent);
    }
    return stripZeros(s);
  }

  private static String stripZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    String t = s.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
