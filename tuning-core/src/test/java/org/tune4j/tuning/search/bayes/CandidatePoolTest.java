package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;

class CandidatePoolTest {

  @Property(tries = 50)
  void eachStratumIsHitOncePerDimension(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 6) int d, @ForAll long seed) {
    double[][] design = CandidatePool.unitDesign(n, d, seed);
    for (int j = 0; j < d; j++) {
      boolean[] hit = new boolean[n];
      for (double[] row : design) {
        int stratum = (int) Math.floor(row[j] * n);
        assertFalse(hit[stratum], "stratum " + stratum + " twice in column " + j);
        hit[stratum] = true;
      }
    }
  }

  @Test
  void numericPoolsKeepTheLatinHypercube() {
    List<UnitPoint> pool = CandidatePool.latinHypercube(GpFixtures.TWO_D, 100, 4L);
    assertEquals(100, pool.size());
    for (int j = 0; j < 2; j++) {
      Set<Integer> strata = new HashSet<>();
      for (UnitPoint p : pool) {
        strata.add((int) Math.floor(p.get(j) * 100));
      }
      assertEquals(100, strata.size());
    }
  }

  @Test
  void poolsAreDeterministicForTheSeed() {
    assertEquals(CandidatePool.latinHypercube(GpFixtures.TWO_D, 50, 1L),
        CandidatePool.latinHypercube(GpFixtures.TWO_D, 50, 1L));
    assertNotEquals(CandidatePool.latinHypercube(GpFixtures.TWO_D, 50, 1L),
        CandidatePool.latinHypercube(GpFixtures.TWO_D, 50, 2L));
    assertEquals(5000, CandidatePool.DEFAULT_SIZE);
  }

  @Test
  void integerAndQualitativeCandidatesAreSnappedAndDistinct() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(1, 3), Parameters.activation());
    UnitEncoding enc = UnitEncoding.of(params);
    List<UnitPoint> pool = CandidatePool.latinHypercube(enc, CandidatePool.DEFAULT_SIZE, 3L);
    int levels = Parameters.activation().values().size();
    assertEquals(3 * levels, pool.size());
    assertEquals(pool.size(), new HashSet<>(pool).size());
    for (UnitPoint p : pool) {
      assertEquals(p, enc.snap(p));
      Map<String, Object> v = enc.decode(p);
      for (Parameter param : params) {
        assertTrue(param.allows(v.get(param.id())));
      }
    }
  }

  @Test
  void evaluatedPointsAreExcluded() {
    List<UnitPoint> all = CandidatePool.latinHypercube(GpFixtures.TWO_D, 30, 5L);
    List<UnitPoint> evaluated = all.subList(0, 10);
    List<UnitPoint> rest = CandidatePool.latinHypercube(GpFixtures.TWO_D, 30, 5L, evaluated);
    assertEquals(all.subList(10, 30), rest);
  }

  @Test
  void sizeMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandidatePool.latinHypercube(GpFixtures.TWO_D, 0, 5L));
    assertEquals("size is 0; give at least 1 (tune uses 5000)", e.getMessage());
  }
}
