package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tune4j.tuning.metrics.Direction.MAXIMIZE;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Construction, validation and copying of {@link RaceTable}. */
class RaceTableTest {

  @Test
  void countsAndMeansSkipMissingAndInfiniteEstimates() {
    RaceTable t = RaceTable.of(MAXIMIZE, List.of("a", "b"), List.of("F1", "F2", "F3"),
        new double[][] {{0.8, Double.NaN, 0.6}, {Double.NEGATIVE_INFINITY, 0.5, 0.7}});
    assertEquals(2, t.count(0));
    assertEquals(0.7, t.mean(0), 1e-15);
    assertEquals(2, t.count(1));
    assertEquals(0.6, t.mean(1), 1e-15);
  }

  @Test
  void arraysAreCopied() {
    double[][] rows = {{0.8, 0.9}};
    RaceTable t = RaceTable.of(MAXIMIZE, List.of("a"), List.of("F1", "F2"), rows);
    rows[0][0] = 0;
    t.estimates(0)[1] = 0;
    assertEquals(0.8, t.estimate(0, 0));
    assertEquals(0.9, t.estimate(0, 1));
  }

  @Test
  void withResampleAppendsAColumn() {
    RaceTable t = RaceTable.of(MAXIMIZE, List.of("a", "b"), List.of("F1"),
        new double[][] {{0.8}, {0.7}}).withResample("F2", new double[] {0.9, Double.NaN});
    assertEquals(List.of("F1", "F2"), t.resampleIds());
    assertEquals(0.9, t.estimate(0, 1));
    assertEquals(1, t.count(1));
  }

  @Test
  void errorsNameTheValueAndTheFix() {
    assertEquals("config id \"a\" appears twice in [a, a]; config ids must be distinct",
        assertThrows(IllegalArgumentException.class, () -> RaceTable.of(MAXIMIZE,
            List.of("a", "a"), List.of("F1"), new double[][] {{1}, {2}})).getMessage());
    assertEquals("estimates row 1 (config b) has 1 values but there are 2 resampleIds; use NaN "
        + "where a config was not evaluated",
        assertThrows(IllegalArgumentException.class, () -> RaceTable.of(MAXIMIZE,
            List.of("a", "b"), List.of("F1", "F2"), new double[][] {{1, 2}, {2}})).getMessage());
    assertEquals("configIds is empty; a race needs at least one config",
        assertThrows(IllegalArgumentException.class, () -> RaceTable.of(MAXIMIZE,
            List.of(), List.of("F1"), new double[0][])).getMessage());
    assertEquals("resample id \"F1\" appears twice in [F1, F1]; resample ids must be distinct",
        assertThrows(IllegalArgumentException.class, () -> RaceTable.of(MAXIMIZE,
            List.of("a"), List.of("F1"), new double[][] {{1}})
            .withResample("F1", new double[] {2})).getMessage());
  }

  @Test
  void alphaOutsideTheUnitIntervalIsRejected() {
    RaceTable t = RaceTable.of(MAXIMIZE, List.of("a"), List.of("F1"), new double[][] {{1}});
    assertEquals("alpha is 1.0; it should be on (0, 1), e.g. 0.05 (control_race's default)",
        assertThrows(IllegalArgumentException.class, () -> RaceAnova.testParameters(t, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> RaceWinLoss.testParameters(t, 0));
    assertThrows(IllegalArgumentException.class,
        () -> RaceWinLoss.testParameters(t, Double.NaN));
  }
}
