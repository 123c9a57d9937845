package org.tune4j.tuning.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;

/**
 * Makes grids, as dials' {@code grid_regular}, {@code grid_random} and
 * {@code grid_space_filling}, or from the user's own rows or CSV file.
 *
 * <p>Random designs use a Mersenne Twister created from the {@code seed} argument inside each
 * call: the same seed gives the same grid, on any thread. Stateless and thread-safe.
 *
 * <pre>{@code
 * ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(), Parameters.learnRate());
 * Grid regular = Grids.regular(params, 3);                     // 9 candidates
 * Grid random = Grids.random(params, 20, 42L);
 * Grid lhs = Grids.spaceFilling(params, 20, SpaceFillingType.LATIN_HYPERCUBE, 42L);
 * }</pre>
 */
public final class Grids {

  /** How many random Latin hypercubes {@link SpaceFillingType#MAX_MIN_DISTANCE} compares. */
  public static final int MAX_MIN_CANDIDATES = 100;

  private Grids() {}

  /** {@code grid_regular(params, levels = levels)}: the same number of levels for each. */
  public static Grid regular(ParameterSet params, int levels) {
    checkAtLeastOne("levels", levels);
    int[] perParam = new int[checkParams(params).size()];
    Arrays.fill(perParam, levels);
    return regular(params, perParam);
  }

  /**
   * {@code grid_regular(params, levels = c(...))}: every combination of each parameter's
   * {@link Parameter#valueSeq(int)}, the first parameter varying fastest ({@code expand.grid}).
   * Read from dials' R/grids.R: {@code make_regular_grid} maps {@code value_seq} over the
   * parameters, then {@code expand.grid}, then {@code vec_unique}; {@code value_seq}
   * (R/aaa_values.R) moves an excluded end inside (see {@link Parameter#valueSeq(int)}).
   *
   * @throws IllegalArgumentException if the number of levels differs from the number of
   *     parameters or a level is below 1
   */
  public static Grid regular(ParameterSet params, int[] levelsPerParam) {
    checkParams(params);
    if (levelsPerParam == null || levelsPerParam.length != params.size()) {
      throw new IllegalArgumentException("levelsPerParam has " + (levelsPerParam == null
          ? "null" : levelsPerParam.length + " entries") + "; give one per parameter ("
          + params.size() + ": " + String.join(", ", params.ids()) + ")");
    }
    List<List<Object>> seqs = new ArrayList<>();
    long total = 1;
    for (int j = 0; j < params.size(); j++) {
      checkAtLeastOne("levels for parameter \"" + params.get(j).id() + "\"", levelsPerParam[j]);
      seqs.add(params.get(j).valueSeq(levelsPerParam[j]));
      total *= seqs.get(j).size();
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("regular grid would have more than "
            + Integer.MAX_VALUE + " rows; use fewer levels");
      }
    }
    List<List<Object>> rows = new ArrayList<>((int) total);
    for (int r = 0; r < total; r++) {
      List<Object> row = new ArrayList<>(params.size());
      int rest = r;
      for (List<Object> seq : seqs) {
        row.add(seq.get(rest % seq.size()));
        rest /= seq.size();
      }
      rows.add(row);
    }
    return Grid.fromRows(params, rows);
  }

  /**
   * {@code grid_random(params, size)}: {@code size} values per parameter drawn uniformly on the
   * transformed scale (uniform whole numbers for integers without a transform, uniform choices
   * for qualitative ones), then duplicate rows removed, so the grid may be smaller than
   * {@code size}.
   */
  public static Grid random(ParameterSet params, int size, long seed) {
    checkParams(params);
    checkAtLeastOne("size", size);
    RandomGenerator rng = new MersenneTwister(seed);
    return fromUnitDesign(params, UnitDesigns.uniform(size, params.size(), rng), false);
  }

  /**
   * A space-filling design of {@code size} candidates: a Latin hypercube, or the max-min
   * distance Latin hypercube of {@link #MAX_MIN_CANDIDATES} (see {@link SpaceFillingType}),
   * mapped to values with {@link Parameter#fromSpaceFilling(double)} (dials' {@code encode_unit}:
   * integers rounded). Integer and qualitative parameters can make duplicate rows; they are
   * removed, as dials does.
   */
  public static Grid spaceFilling(ParameterSet params, int size, SpaceFillingType type,
      long seed) {
    checkParams(params);
    checkAtLeastOne("size", size);
    if (type == null) {
      throw new IllegalArgumentException("type is null; choose from: "
          + Arrays.toString(SpaceFillingType.values()));
    }
    RandomGenerator rng = new MersenneTwister(seed);
    double[][] design = type == SpaceFillingType.LATIN_HYPERCUBE
        ? UnitDesigns.latinHypercube(size, params.size(), rng)
        : UnitDesigns.maxMinLatinHypercube(size, params.size(), MAX_MIN_CANDIDATES, rng);
    return fromUnitDesign(params, design, true);
  }

  /**
   * The user's own grid: one map of parameter id to value per candidate, in order. Numbers go
   * to numeric parameters (whole numbers to integer ones), strings to qualitative ones.
   *
   * @throws IllegalArgumentException for no rows, a column that is not a parameter, a
   *     parameter with no column, a value outside its parameter's range or a repeated row
   */
  public static Grid of(ParameterSet params, List<? extends Map<String, ?>> rows) {
    checkParams(params);
    return Grid.fromRows(params, UserGrids.checkRows(params, rows));
  }

  /**
   * A random Latin hypercube of {@code n} points on {@code [0, 1)^p}, seeded (Mersenne Twister): each of the
   * {@code n} strata is hit once per column. The unit design behind {@link SpaceFillingType#LATIN_HYPERCUBE}, for
   * searches that draw candidate pools from it.
   */
  public static double[][] unitLatinHypercube(int n, int p, long seed) {
    checkAtLeastOne("n", n);
    return UnitDesigns.latinHypercube(n, p, new MersenneTwister(seed));
  }

  /**
   * A grid of candidates that already have their config ids (a search's proposals, such as tune_bayes'
   * {@code Iter1}), checked as {@link #of}.
   *
   * @throws IllegalArgumentException as {@link #of}, or for a repeated config id
   */
  public static Grid ofCandidates(ParameterSet params, List<Candidate> candidates) {
    checkParams(params);
    List<String> ids = candidates.stream().map(Candidate::configId).toList();
    if (new java.util.HashSet<>(ids).size() != ids.size()) {
      throw new IllegalArgumentException("config ids " + ids + " repeat one; each candidate needs its own id");
    }
    return Grid.fromCandidates(params, ids, UserGrids.checkRows(params,
        candidates.stream().map(Candidate::values).toList()));
  }

  /**
   * The user's own grid from a CSV file with a header of parameter ids (in any order) and one
   * row per candidate; checked as {@link #of}.
   *
   * @throws IOException if the file cannot be read
   */
  public static Grid readCsv(ParameterSet params, Path path) throws IOException {
    checkParams(params);
    return of(params, GridCsv.read(params, path));
  }

  private static Grid fromUnitDesign(ParameterSet params, double[][] design,
      boolean spaceFilling) {
    Set<List<Object>> rows = new LinkedHashSet<>();
    for (double[] point : design) {
      List<Object> row = new ArrayList<>(params.size());
      for (int j = 0; j < params.size(); j++) {
        Parameter p = params.get(j);
        row.add(spaceFilling ? p.fromSpaceFilling(point[j]) : p.fromUnit(point[j]));
      }
      rows.add(List.copyOf(row));
    }
    return Grid.fromRows(params, new ArrayList<>(rows));
  }

  private static ParameterSet checkParams(ParameterSet params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null; give a ParameterSet");
    }
    if (params.size() == 0) {
      throw new IllegalArgumentException("parameters are []; a grid needs at least one parameter"
          + " (a spec with nothing to tune is fitted with fitResamples)");
    }
    return params;
  }

  private static void checkAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " is " + value + "; give at least 1");
    }
  }
}
