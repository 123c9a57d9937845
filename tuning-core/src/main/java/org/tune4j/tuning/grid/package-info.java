/**
 * Grids of candidate parameter values with dials' semantics.
 *
 * <p>{@link org.tune4j.tuning.grid.Grids} makes a {@link org.tune4j.tuning.grid.Grid} from a
 * {@link org.tune4j.tuning.params.ParameterSet}: regular ({@code grid_regular}), random
 * ({@code grid_random}), space-filling (Latin hypercube, max-min distance) or the user's own
 * rows or CSV file. Each {@link org.tune4j.tuning.grid.Candidate} has a stable config id
 * ({@code Model01}, ...). Randomness always comes from an explicit seed argument. See
 * {@code tuning-core/GRIDS.md}.
 */
package org.tune4j.tuning.grid;
