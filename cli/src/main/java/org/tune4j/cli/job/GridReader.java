package org.tune4j.cli.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.grid.SpaceFillingType;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.ParameterSet;

/**
 * Builds the grid of a job from its {@code grid} section: {@code regular} ({@code levels}, one
 * number or one per parameter), {@code random} ({@code size}), {@code space_filling} ({@code size},
 * {@code design}) or {@code explicit} ({@code candidates}). Stateless and thread-safe.
 */
final class GridReader {
  /** The grid types a job may name. */
  static final List<String> TYPES = List.of("regular", "random", "space_filling", "explicit");

  /** The most candidates a grid may hold. */
  static final int MAX_CANDIDATES = 100_000;

  private GridReader() {}

  /** A Bayesian search's initial design when the job gives no grid: tune_bayes' space-filling {@code initial}. */
  static Grid initialDesign(ParameterSet params, int size, long seed) {
    if (params.size() == 0) {
      throw new IllegalArgumentException("nothing is tuned: mark at least one head or fit argument \"tune\"");
    }
    return Grids.spaceFilling(params, size, org.tune4j.tuning.grid.SpaceFillingType.LATIN_HYPERCUBE, seed);
  }

  static Grid read(Map<String, Object> tree, String path, ParameterSet params, long seed) {
    if (params.size() == 0) {
      throw new IllegalArgumentException("nothing is tuned: mark at least one head or fit argument \"tune\"");
    }
    String type = Json.requireString(tree, "type", path);
    try {
      return switch (type) {
        case "regular" -> regular(tree, path, params);
        case "random" -> {
          Json.unknownKeys(tree, Set.of("type", "size"), path);
          yield Grids.random(params, size(tree, path), seed);
        }
        case "space_filling" -> {
          Json.unknownKeys(tree, Set.of("type", "size", "design"), path);
          String design = Json.optionalString(tree, "design", path).orElse("latin_hypercube");
          SpaceFillingType t = switch (design) {
            case "latin_hypercube" -> SpaceFillingType.LATIN_HYPERCUBE;
            case "max_min_distance" -> SpaceFillingType.MAX_MIN_DISTANCE;
            default -> throw new IllegalArgumentException(Json.child(path, "design") + " is \"" + design
                + "\"; choose from: latin_hypercube, max_min_distance");
          };
          yield Grids.spaceFilling(params, size(tree, path), t, seed);
        }
        case "explicit" -> {
          Json.unknownKeys(tree, Set.of("type", "candidates"), path);
          List<Object> raw = Json.requireList(tree, "candidates", path);
          List<Map<String, Object>> rows = new ArrayList<>();
          for (int i = 0; i < raw.size(); i++) {
            rows.add(Json.requireObject(raw.get(i), Json.element(Json.child(path, "candidates"), i)));
          }
          yield Grids.of(params, rows);
        }
        default -> throw new IllegalArgumentException(Json.child(path, "type") + " is \"" + type
            + "\"; choose from: " + String.join(", ", TYPES));
      };
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains("$")) {
        throw e;
      }
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static Grid regular(Map<String, Object> tree, String path, ParameterSet params) {
    Json.unknownKeys(tree, Set.of("type", "levels"), path);
    Object levels = tree.get("levels");
    if (levels instanceof Map<?, ?>) {
      Map<String, Object> per = Json.requireObject(tree, "levels", path);
      String levelsPath = Json.child(path, "levels");
      Json.unknownKeys(per, Set.copyOf(params.ids()), levelsPath);
      int[] counts = new int[params.size()];
      for (int i = 0; i < counts.length; i++) {
        String id = params.ids().get(i);
        counts[i] = positive(Json.requireLong(per, id, levelsPath), Json.child(levelsPath, id));
      }
      return Grids.regular(params, fits(counts, levelsPath));
    }
    int n = positive(Json.optionalLong(tree, "levels", path).orElse(3L), Json.child(path, "levels"));
    int[] counts = new int[params.size()];
    java.util.Arrays.fill(counts, n);
    fits(counts, Json.child(path, "levels"));
    return Grids.regular(params, n);
  }

  /**
   * Checks that a regular grid of {@code counts} levels per parameter has at most {@value #MAX_CANDIDATES}
   * candidates before duplicates are removed: a larger one could not be held in memory, let alone tuned.
   */
  private static int[] fits(int[] counts, String path) {
    long product = 1;
    List<String> factors = new ArrayList<>();
    for (int c : counts) {
      product = Math.min(product * c, Long.MAX_VALUE / 100_001);
      factors.add(String.valueOf(c));
    }
    if (product > MAX_CANDIDATES) {
      throw new IllegalArgumentException(path + " makes " + String.join(" × ", factors) + (product
          >= Long.MAX_VALUE / 100_001 ? " (too many)" : " = " + product) + " candidates; give fewer levels, at most "
          + MAX_CANDIDATES + " candidates in all (or a random or space_filling grid of a given size)");
    }
    return counts;
  }

  private static int size(Map<String, Object> tree, String path) {
    return positive(Json.requireLong(tree, "size", path), Json.child(path, "size"));
  }

  private static int positive(long n, String path) {
    if (n < 1 || n > MAX_CANDIDATES) {
      throw new IllegalArgumentException(path + " is " + n + "; give a whole number from 1 to " + MAX_CANDIDATES);
    }
    return (int) n;
  }

  static String describe(Map<String, Object> tree) {
    return String.valueOf(tree.get("type")).toLowerCase(Locale.ROOT);
  }
}
