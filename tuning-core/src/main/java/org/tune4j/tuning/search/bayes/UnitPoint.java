package org.tune4j.tuning.search.bayes;

import java.util.Arrays;

/**
 * A candidate encoded on the unit cube {@code [0, 1]^d}: one coordinate per parameter, in the
 * parameter set's order, as {@link UnitEncoding} makes it.
 *
 * <p>Two points are equal when all their coordinates are equal, so encoded candidates can be
 * kept in sets to exclude those already evaluated. Immutable and thread-safe.
 *
 * <pre>{@code
 * UnitPoint p = UnitPoint.of(0.25, 1.0);
 * double first = p.get(0);
 * }</pre>
 */
public final class UnitPoint {

  private final double[] coordinates;

  private UnitPoint(double[] coordinates) {
    this.coordinates = coordinates;
  }

  /**
   * The point with these coordinates (copied).
   *
   * @throws IllegalArgumentException if there are none or one is outside {@code [0, 1]}
   */
  public static UnitPoint of(double... coordinates) {
    if (coordinates == null || coordinates.length == 0) {
      throw new IllegalArgumentException("coordinates are " + Arrays.toString(coordinates)
          + "; give at least one coordinate in [0, 1]");
    }
    for (int j = 0; j < coordinates.length; j++) {
      if (!(coordinates[j] >= 0.0 && coordinates[j] <= 1.0)) {
        throw new IllegalArgumentException("coordinate " + j + " is " + coordinates[j]
            + "; give values in [0, 1]");
      }
    }
    return new UnitPoint(coordinates.clone());
  }

  /** The number of coordinates. */
  public int dimension() {
    return coordinates.length;
  }

  /** The coordinate {@code j} (0-based). */
  public double get(int j) {
    return coordinates[j];
  }

  /** A copy of the coordinates. */
  public double[] toArray() {
    return coordinates.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnitPoint other && Arrays.equals(coordinates, other.coordinates);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coordinates);
  }

  @Override
  public String toString() {
    return Arrays.toString(coordinates);
  }
}
