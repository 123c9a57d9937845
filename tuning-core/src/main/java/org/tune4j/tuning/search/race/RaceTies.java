package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * finetune's tie rule ({@code control_race(num_ties)}): when two candidates have stayed in the
 * race long enough, the one with the better mean wins. finetune counts, at the start of every
 * round, whether the decision steering that round kept exactly two configs; after the round's
 * new analysis, if it again keeps exactly two and the count has reached {@code num_ties}, the
 * tie is broken ({@code tie_breaker}): among the configs with the most resamples, the best by
 * mean (ties: candidate order) passes alone. Once two remain the count of survivors can only
 * fall, so the count is the number of consecutive two-survivor rounds.
 *
 * <p>Everything here is a pure function of the decisions so far, so a journal can replay it.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * int twoBefore = RaceTies.twoSurvivorRounds(earlierDecisions); // burn-in's decision first
 * RaceDecision now = RaceTies.apply(table, RaceAnova.testParameters(table, 0.05), twoBefore, 10);
 * }</pre>
 */
public final class RaceTies {

  /** finetune's default {@code num_ties}. */
  public static final int DEFAULT_NUM_TIES = 10;

  private RaceTies() {}

  /**
   * How many of the decisions that steered earlier rounds (the burn-in's first, each as used,
   * that is after any tie-break) kept exactly two configs: finetune's {@code num_ties} counter.
   */
  public static int twoSurvivorRounds(List<RaceDecision> earlier) {
    int count = 0;
    for (RaceDecision d : earlier) {
      if (d.passing().size() == 2) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether the tie must be broken now: {@code current} keeps exactly two configs and
   * {@code twoSurvivorRoundsBefore} has reached {@code numTies}.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static boolean isDue(RaceDecision current, int twoSurvivorRoundsBefore, int numTies) {
    checkCount("twoSurvivorRoundsBefore", twoSurvivorRoundsBefore);
    checkCount("numTies", numTies);
    return current.passing().size() == 2 && twoSurvivorRoundsBefore >= numTies;
  }

  /** {@code current}, or its tie broken by {@link #breakTie} when {@link #isDue}. */
  public static RaceDecision apply(RaceTable table, RaceDecision current,
      int twoSurvivorRoundsBefore, int numTies) {
    return isDue(current, twoSurvivorRoundsBefore, numTies)
        ? breakTie(table, current, twoSurvivorRoundsBefore) : current;
  }

  /**
   * {@code current} with only the best config by mean among those with the most resamples
   * passing, moved first, and a note; the other rows keep their statistics.
   */
  public static RaceDecision breakTie(RaceTable table, RaceDecision current, int rounds) {
    Objects.requireNonNull(current, "current");
    Finalists f = Finalists.of(table);
    String winner = f.configId(f.byMean()[0]);
    List<RaceComparison> rows = new ArrayList<>();
    for (RaceComparison c : current.comparisons()) {
      if (c.configId().equals(winner)) {
        rows.add(0, c.withPass(true));
      } else {
        rows.add(c.withPass(false));
      }
    }
    if (!rows.get(0).configId().equals(winner)) {
      throw new IllegalArgumentException("the decision does not compare " + winner + ", the "
          + "best by mean of the table; pass the decision made from this table");
    }
    List<String> notes = new ArrayList<>(current.notes());
    notes.add("tie broken: " + String.join(" and ", current.passing()) + " remained after "
        + rounds + " rounds with two candidates; " + winner + " has the better mean");
    return new RaceDecision(winner, rows, current.notCompared(), notes);
  }

  private static void checkCount(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " is " + value + "; it should be 0 or more ("
          + "finetune's default num_ties is " + DEFAULT_NUM_TIES + ")");
    }
  }
}
