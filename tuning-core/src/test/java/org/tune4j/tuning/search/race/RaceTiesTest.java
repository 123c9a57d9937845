package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.metrics.Direction.MAXIMIZE;
import static org.tune4j.tuning.metrics.Direction.MINIMIZE;
import static org.tune4j.tuning.search.race.RaceTables.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** finetune's {@code num_ties} rule, including a replayed race. */
class RaceTiesTest {

  /** Two close configs (c1 slightly better) and a clearly worse one, over 12 resamples. */
  private static final double[][] FULL = {
      {0.81, 0.83, 0.80, 0.85, 0.82, 0.84, 0.80, 0.86, 0.83, 0.81, 0.84, 0.82},
      {0.80, 0.84, 0.80, 0.84, 0.81, 0.85, 0.79, 0.85, 0.83, 0.80, 0.84, 0.82},
      {0.60, 0.62, 0.58, 0.66, 0.61, 0.63, 0.59, 0.65, 0.62, 0.60, 0.64, 0.61}};

  private static RaceDecision decision(String... passing) {
    List<RaceComparison> rows = new ArrayList<>();
    rows.add(RaceComparison.best("c1", 3, 0.8));
    for (String id : List.of("c2", "c3")) {
      rows.add(RaceComparison.untested(id, 3, 0.7, Arrays.asList(passing).contains(id)));
    }
    return new RaceDecision("c1", rows, List.of(), List.of());
  }

  @Test
  void countsDecisionsWithExactlyTwoSurvivors() {
    List<RaceDecision> history = List.of(decision("c2", "c3"), decision("c2"), decision("c2"),
        decision());
    assertEquals(2, RaceTies.twoSurvivorRounds(history));
    assertEquals(0, RaceTies.twoSurvivorRounds(List.of()));
  }

  @Test
  void dueOnlyWithTwoSurvivorsAndEnoughRounds() {
    assertTrue(RaceTies.isDue(decision("c2"), 10, 10));
    assertFalse(RaceTies.isDue(decision("c2"), 9, 10));
    assertFalse(RaceTies.isDue(decision("c2", "c3"), 10, 10));
    assertFalse(RaceTies.isDue(decision(), 10, 10));
    assertTrue(RaceTies.isDue(decision("c3"), 0, 0), "num_ties = 0 breaks at once");
  }

  @Test
  void negativeCountsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RaceTies.isDue(decision("c2"), 0, -1));
    assertEquals("numTies is -1; it should be 0 or more (finetune's default num_ties is 10)",
        e.getMessage());
  }

  @Test
  void theBetterMeanWinsAlone() {
    RaceTable t = table(MINIMIZE, new double[] {0.30, 0.32, 0.31},
        new double[] {0.29, 0.33, 0.30}, new double[] {0.50, 0.52, 0.49});
    RaceDecision d = RaceAnova.testParameters(t, 0.05);
    assertEquals(List.of("c2", "c1"), d.passing());
    RaceDecision broken = RaceTies.apply(t, d, 10, 10);
    assertEquals(List.of("c2"), broken.passing());
    assertEquals("c2", broken.bestConfig());
    assertEquals(d.comparisons().get(1).stdErr(), broken.comparison("c1").get().stdErr());
    assertTrue(broken.notes().get(broken.notes().size() - 1).startsWith("tie broken: c2 and c1"),
        broken.notes().toString());
    assertSame(d, RaceTies.apply(t, d, 9, 10));
  }

  @Test
  void winLossTieGoesToTheBetterMeanNotTheMoreWins() {
    // c1 wins 3 of 4 resamples but c2's mean is higher (0.83 against 0.725): finetune's
    // tie_breaker orders by mean
    RaceTable t = table(MAXIMIZE, new double[] {0.80, 0.80, 0.80, 0.50},
        new double[] {0.79, 0.79, 0.79, 0.95});
    RaceDecision d = RaceWinLoss.testParameters(t, 0.05);
    assertEquals("c1", d.bestConfig());
    assertEquals(List.of("c1", "c2"), d.passing());
    RaceDecision broken = RaceTies.breakTie(t, d, 10);
    assertEquals(List.of("c2"), broken.passing());
    assertEquals("c2", broken.comparisons().get(0).configId());
  }

  /**
   * The loop of finetune's {@code tune_race_anova}: burn-in of 3 resamples, then one resample
   * per round for the configs still passing; the tie counter is replayed from the decisions.
   */
  @Test
  void replayedRaceBreaksTheTieAfterNumTiesRounds() {
    int numTies = 3;
    RaceTable table = reveal(3, List.of("c1", "c2", "c3"), null);
    List<RaceDecision> decisions = new ArrayList<>();
    decisions.add(RaceAnova.testParameters(table, 0.05));
    for (int rs = 3; rs < FULL[0].length && decisions.get(decisions.size() - 1)
        .passing().size() > 1; rs++) {
      int twoBefore = RaceTies.twoSurvivorRounds(decisions);
      table = reveal(rs + 1, decisions.get(decisions.size() - 1).passing(), table);
      RaceDecision d = RaceAnova.testParameters(table, 0.05);
      decisions.add(RaceTies.apply(table, d, twoBefore, numTies));
    }
    List<Integer> survivors = decisions.stream().map(d -> d.passing().size()).toList();
    // c3 goes at the burn-in; c1 and c2 stay tied until the counter reaches 3
    assertEquals(List.of(2, 2, 2, 1), survivors);
    RaceDecision last = decisions.get(decisions.size() - 1);
    assertEquals(List.of("c1"), last.passing());
    assertTrue(last.notes().get(last.notes().size() - 1).contains("after 3 rounds"),
        last.notes().toString());
  }

  /** The first {@code upTo} resamples, with the last one evaluated only for {@code on}. */
  private static RaceTable reveal(int upTo, List<String> on, RaceTable previous) {
    if (previous == null) {
      double[][] rows = new double[FULL.length][];
      for (int i = 0; i < FULL.length; i++) {
        rows[i] = Arrays.copyOf(FULL[i], upTo);
      }
      return RaceTables.table(MAXIMIZE, rows);
    }
    double[] column = new double[FULL.length];
    for (int i = 0; i < FULL.length; i++) {
      column[i] = on.contains("c" + (i + 1)) ? FULL[i][upTo - 1] : Double.NaN;
    }
    return previous.withResample("r" + upTo, column);
  }
}
