package org.tune4j.tuning.params;

/**
 * The scale on which a numeric parameter's range is given, as dials' {@code trans} argument:
 * a range of {@code [-10, -1]} with {@link #LOG10} means values from 1e-10 to 0.1.
 *
 * <p>Grids are spaced and sampled on the transformed scale and turned back into natural units
 * with {@link #inverse(double)}. Immutable and thread-safe.
 */
public enum Transform {
  /** No transform: the range is in natural units. */
  IDENTITY("identity") {
    @Override
    public double apply(double value) {
      return value;
    }

    @Override
    public double inverse(double transformed) {
      return transformed;
    }
  },
  /** Base-10 logarithm (dials' {@code transform_log10()}). */
  LOG10("log-10") {
    @Override
    public double apply(double value) {
      return Math.log10(value);
    }

    @Override
    public double inverse(double transformed) {
      return Math.pow(10.0, transformed);
    }
  },
  /** Base-2 logarithm (dials' {@code transform_log2()}). */
  LOG2("log-2") {
    @Override
    public double apply(double value) {
      return Math.log(value) / Math.log(2.0);
    }

    @Override
    public double inverse(double transformed) {
      return Math.pow(2.0, transformed);
    }
  };

  private final String displayName;

  Transform(String displayName) {
    this.displayName = displayName;
  }

  /** Natural value to the transformed scale (NaN for a value the transform cannot take). */
  public abstract double apply(double value);

  /** Transformed value back to natural units. */
  public abstract double inverse(double transformed);

  /** The name dials prints for this transform: {@code identity}, {@code log-10}, {@code log-2}. */
  public String displayName() {
    return displayName;
  }
}
