package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tune4j.tuning.grid.Grids;

/**
 * The candidates the Gaussian process scores each iteration, as tune's {@code pred_gp()}:
 * {@code dials::grid_space_filling(pset, size = 5000, type = "latin_hypercube")}, duplicates
 * removed, and the candidates already evaluated taken out.
 *
 * <p>The design is a random Latin hypercube on {@code [0, 1]^d} ({@code DiceDesign::lhsDesign}:
 * coordinate {@code j} of row {@code i} is {@code (perm_j(i) + u) / n}), so each of the
 * {@code n} strata of each coordinate holds one row. Each row is then turned into parameter
 * values with dials' {@code encode_unit(direction = "backward")} and encoded again
 * ({@link UnitEncoding#snap}), so integer and qualitative coordinates sit on the values they
 * stand for; rows that become equal are kept once, in first-seen order. Stateless and
 * thread-safe: the same seed gives the same pool.
 *
 * <pre>{@code
 * List<UnitPoint> pool = CandidatePool.latinHypercube(enc, CandidatePool.DEFAULT_SIZE, 7L,
 *     history.points());
 * }</pre>
 */
public final class CandidatePool {

  /** tune's {@code size = 5000} in {@code pred_gp()}. */
  public static final int DEFAULT_SIZE = 5000;

  private CandidatePool() {}

  /** {@link #latinHypercube(UnitEncoding, int, long, Collection)} excluding nothing. */
  public static List<UnitPoint> latinHypercube(UnitEncoding encoding, int size, long seed) {
    return latinHypercube(encoding, size, seed, List.of());
  }

  /**
   * A Latin hypercube of {@code size} rows, snapped to parameter values, without duplicates and
   * without the points in {@code exclude}; so it may hold fewer than {@code size} points, or
   * none.
   *
   * @throws IllegalArgumentException if {@code size < 1} or an argument is null
   */
  public static List<UnitPoint> latinHypercube(UnitEncoding encoding, int size, long seed,
      Collection<UnitPoint> exclude) {
    if (encoding == null || exclude == null) {
      throw new IllegalArgumentException("encoding is " + encoding + " and exclude is "
          + exclude + "; give both (an empty list excludes nothing)");
    }
    if (size < 1) {
      throw new IllegalArgumentException("size is " + size + "; give at least 1 (tune uses "
          + DEFAULT_SIZE + ")");
    }
    double[][] design = unitDesign(size, encoding.dimension(), seed);
    Set<UnitPoint> excluded = new HashSet<>(exclude);
    Set<UnitPoint> pool = new LinkedHashSet<>();
    for (double[] row : design) {
      UnitPoint p = encoding.snap(UnitPoint.of(row));
      if (!excluded.contains(p)) {
        pool.add(p);
      }
    }
    return List.copyOf(new ArrayList<>(pool));
  }

  /** The raw Latin hypercube on {@code [0, 1)^d}: rows are points (the grids' own design). */
  static double[][] unitDesign(int n, int d, long seed) {
    return Grids.unitLatinHypercube(n, d, seed);
  }
}
