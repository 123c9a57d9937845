package org.tune4j.tuning.grid;

/** The design behind {@link Grids#spaceFilling}. */
public enum SpaceFillingType {
  /**
   * A random Latin hypercube: for each parameter, each of the {@code size} equal strata of its
   * transformed range holds exactly one candidate, at a uniform position within the stratum.
   */
  LATIN_HYPERCUBE,
  /**
   * The Latin hypercube, out of {@value Grids#MAX_MIN_CANDIDATES} random ones, whose smallest
   * Euclidean distance between two candidates on the unit cube is the largest (a max-min
   * distance design that keeps the Latin hypercube property).
   */
  MAX_MIN_DISTANCE
}
