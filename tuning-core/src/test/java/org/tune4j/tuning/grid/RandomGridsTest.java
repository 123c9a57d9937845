package org.tune4j.tuning.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.grid.RegularGridTest.assertMessage;

import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.Transform;

class RandomGridsTest {

  private static final ParameterSet ALL = ParameterSet.of(Parameters.hiddenUnits(),
      Parameters.dropout(), Parameters.epochs(), Parameters.batchSize(), Parameters.learnRate(),
      Parameters.penalty(), Parameters.activation(), Parameters.optimizer());

  @Test
  void randomIsDeterministicForTheSeed() {
    assertEquals(Grids.random(ALL, 30, 42L), Grids.random(ALL, 30, 42L));
    assertNotEquals(Grids.random(ALL, 30, 42L), Grids.random(ALL, 30, 43L));
  }

  @Test
  void spaceFillingIsDeterministicForTheSeed() {
    for (SpaceFillingType type : SpaceFillingType.values()) {
      assertEquals(Grids.spaceFilling(ALL, 20, type, 7L), Grids.spaceFilling(ALL, 20, type, 7L));
      assertNotEquals(Grids.spaceFilling(ALL, 20, type, 7L),
          Grids.spaceFilling(ALL, 20, type, 8L));
    }
  }

  @Property(tries = 50)
  void allValuesAreWithinRange(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
    assertAllowed(Grids.random(ALL, size, seed));
    assertAllowed(Grids.spaceFilling(ALL, size, SpaceFillingType.LATIN_HYPERCUBE, seed));
    assertAllowed(Grids.spaceFilling(ALL, size, SpaceFillingType.MAX_MIN_DISTANCE, seed));
  }

  @Test
  void randomRemovesDuplicateRows() {
    ParameterSet small = ParameterSet.of(Parameters.optimizer(), Parameters.hiddenUnits(1, 2));
    Grid grid = Grids.random(small, 200, 1L);
    assertEquals(6, grid.size());
    assertEquals(grid.size(), new HashSet<>(grid.candidates().stream()
        .map(c -> c.values()).toList()).size());
  }

  @Test
  void randomIntegersCoverTheWholeRange() {
    Grid grid = Grids.random(ParameterSet.of(Parameters.hiddenUnits()), 500, 3L);
    assertEquals(10, new HashSet<>(grid.column("hidden_units")).size());
  }

  /** For each parameter, each of the n strata of [0,1) holds exactly one design point. */
  @Property(tries = 200)
  void unitLatinHypercubeHitsEachStratumOnce(@ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 1, max = 6) int p, @ForAll long seed, @ForAll boolean maxMin) {
    MersenneTwister rng = new MersenneTwister(seed);
    double[][] design = maxMin ? UnitDesigns.maxMinLatinHypercube(n, p, 5, rng)
        : UnitDesigns.latinHypercube(n, p, rng);
    for (int j = 0; j < p; j++) {
      boolean[] hit = new boolean[n];
      for (double[] point : design) {
        int stratum = (int) Math.floor(point[j] * n);
        assertTrue(stratum >= 0 && stratum < n && !hit[stratum]);
        hit[stratum] = true;
      }
    }
  }

  /** The same property on grid values: the transformed range cut into n equal strata. */
  @Property(tries = 100)
  void latinHypercubeGridHitsEachStratumOnce(@ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll long seed) {
    ParameterSet params = ParameterSet.of(Parameters.dropout(),
        NumericParameter.ofDouble("w", "w", 0, 1, Transform.IDENTITY));
    Grid grid = Grids.spaceFilling(params, n, SpaceFillingType.LATIN_HYPERCUBE, seed);
    assertEquals(n, grid.size());
    for (Parameter p : params) {
      NumericParameter numeric = (NumericParameter) p;
      boolean[] hit = new boolean[n];
      for (Object v : grid.column(p.id())) {
        double unit = (numeric.transform().apply((Double) v) - numeric.lower())
            / (numeric.upper() - numeric.lower());
        int stratum = (int) Math.floor(unit * n);
        assertTrue(!hit[stratum], "stratum " + stratum + " hit twice");
        hit[stratum] = true;
      }
    }
  }

  @Test
  void maxMinIsAtLeastAsSpreadAsAPlainLatinHypercube() {
    int n = 15;
    int p = 3;
    double plain = UnitDesigns.minSquaredDistance(
        UnitDesigns.latinHypercube(n, p, new MersenneTwister(5L)));
    double best = UnitDesigns.minSquaredDistance(
        UnitDesigns.maxMinLatinHypercube(n, p, Grids.MAX_MIN_CANDIDATES, new MersenneTwister(5L)));
    assertTrue(best >= plain, best + " < " + plain);
    assertTrue(best > plain, "100 candidates should beat the first one for this seed");
  }

  @Test
  void errors() {
    assertMessage("size is 0; give at least 1", () -> Grids.random(ALL, 0, 1L));
    assertMessage("size is -3; give at least 1",
        () -> Grids.spaceFilling(ALL, -3, SpaceFillingType.LATIN_HYPERCUBE, 1L));
    assertMessage("type is null; choose from: [LATIN_HYPERCUBE, MAX_MIN_DISTANCE]",
        () -> Grids.spaceFilling(ALL, 5, null, 1L));
  }

  private static void assertAllowed(Grid grid) {
    for (Candidate c : grid.candidates()) {
      for (Parameter p : grid.parameters()) {
        assertTrue(p.allows(c.value(p.id())), p.id() + " = " + c.value(p.id()));
      }
    }
    assertTrue(grid.size() >= 1);
    assertEquals(grid.size(), new HashSet<>(grid.candidates().stream()
        .map(Candidate::values).toList()).size());
    List<String> ids = grid.candidates().stream().map(Candidate::configId).toList();
    assertEquals(Grid.configId(1, grid.size()), ids.get(0));
  }
}
