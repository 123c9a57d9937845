package org.tune4j.tuning.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;

/**
 * Space-filling designs map unit positions to values as dials' {@code encode_unit(x, u,
 * direction = "backward")}: {@code trans$inverse(u * (upper - lower) + lower)}, integers
 * {@code round()}ed, qualitative values by {@code cut(u, seq(0, 1, length.out = k + 1),
 * include.lowest = TRUE)}.
 */
class SpaceFillingEncodingTest {

  /** Values printed by R 4.2 from the expressions in the comments. */
  @Test
  void unitPositionsMapAsEncodeUnit() {
    double[] u = {0, 0.06, 0.5, 0.95, 1};
    // as.integer(round(u * (10 - 1) + 1)): 0.06 gives 1.54 -> 2, 0.5 gives 5.5 -> 6
    assertEquals(List.of(1, 2, 6, 10, 10), map(Parameters.hiddenUnits(), u));
    // as.integer(round(2^(u * (7 - 2) + 2))): 2^4.5 = 22.6 -> 23
    assertEquals(List.of(4, 5, 23, 108, 128), map(Parameters.batchSize(), u));
    // as.integer(round(u * (1000 - 10) + 10)) for u = 0.123, 0.3, 0.7005: 131.77 -> 132
    assertEquals(List.of(132, 307, 703),
        map(Parameters.epochs(), new double[] {0.123, 0.3, 0.7005}));
    // lv[cut(c(0, 1/3, 0.34, 2/3, 0.9, 1), seq(0, 1, length.out = 4), include.lowest = TRUE)]
    assertEquals(List.of("relu", "relu", "sigmoid", "sigmoid", "tanh", "tanh"),
        map(Parameters.activation().withValues(List.of("relu", "sigmoid", "tanh")),
            new double[] {0, 1.0 / 3, 0.34, 2.0 / 3, 0.9, 1}));
  }

  /** Where dials would round onto an excluded end, the nearest allowed whole number. */
  @Test
  void roundingStaysInsideExcludedEnds() {
    NumericParameter open = Parameters.hiddenUnits().withInclusive(false, false);
    assertEquals(List.of(2, 2, 6, 9, 9), map(open, new double[] {0, 0.06, 0.5, 0.95, 1}));
  }

  /** The grid is encode_unit of the Latin hypercube drawn from the same seed, de-duplicated. */
  @Test
  void latinHypercubeGridsAreTheDesignEncoded() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(), Parameters.epochs(),
        Parameters.batchSize(), Parameters.learnRate(), Parameters.optimizer());
    for (int size : new int[] {3, 7, 10, 25}) {
      for (long seed : new long[] {1L, 42L, 2024L}) {
        double[][] design = UnitDesigns.latinHypercube(size, params.size(),
            new MersenneTwister(seed));
        Set<List<Object>> rows = new LinkedHashSet<>();
        for (double[] point : design) {
          List<Object> row = new ArrayList<>();
          for (int j = 0; j < params.size(); j++) {
            row.add(encodeUnit(params.get(j), point[j]));
          }
          rows.add(row);
        }
        Grid grid = Grids.spaceFilling(params, size, SpaceFillingType.LATIN_HYPERCUBE, seed);
        List<List<Object>> got = new ArrayList<>();
        for (Candidate c : grid.candidates()) {
          got.add(params.ids().stream().map(c::value).toList());
        }
        assertEquals(new ArrayList<>(rows), got, "size " + size + ", seed " + seed);
      }
    }
  }

  /** dials' formula written out, independent of the code under test. */
  private static Object encodeUnit(Parameter p, double u) {
    if (p instanceof NumericParameter n) {
      double v = n.transform().inverse(u * (n.upper() - n.lower()) + n.lower());
      return n.type() == NumericType.INTEGER ? (Object) (int) Math.rint(v)
          : (Object) v;
    }
    List<Object> values = p.valueSeq(Integer.MAX_VALUE);
    int k = values.size();
    return values.get(Math.max(0, (int) Math.ceil(u * k) - 1));
  }

  private static List<Object> map(Parameter p, double[] u) {
    List<Object> out = new ArrayList<>();
    for (double x : u) {
      out.add(p.fromSpaceFilling(x));
    }
    return out;
  }
}
