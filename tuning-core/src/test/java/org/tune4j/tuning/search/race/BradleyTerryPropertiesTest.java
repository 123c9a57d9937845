package org.tune4j.tuning.search.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the Firth-penalized Bradley–Terry fit over random seasons. */
class BradleyTerryPropertiesTest {

  private static final double CONVERGED = 1e-9;

  private static List<BradleyTerry.Contest> season(long seed, int players) {
    Random random = new Random(seed);
    List<BradleyTerry.Contest> out = new ArrayList<>();
    for (int a = 0; a < players; a++) {
      for (int b = a + 1; b < players; b++) {
        int games = 1 + random.nextInt(8);
        double wins = random.nextInt(2 * games + 1) / 2.0;
        out.add(new BradleyTerry.Contest(a, b, wins, games));
      }
    }
    return out;
  }

  @Property(tries = 200)
  void abilitiesDoNotDependOnTheReference(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 6) int players) {
    List<BradleyTerry.Contest> contests = season(seed, players);
    BradleyTerry.Fit first = BradleyTerry.fit(players, 0, contests);
    BradleyTerry.Fit last = BradleyTerry.fit(players, players - 1, contests);
    assertNotNull(first);
    for (int i = 0; i < players; i++) {
      assertEquals(first.ability()[i] - first.ability()[players - 1], last.ability()[i],
          CONVERGED);
    }
    assertEquals(first.stdErr()[players - 1], last.stdErr()[0], CONVERGED);
  }

  @Property(tries = 200)
  void firthEstimatesStayFinite(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 6) int players) {
    // even a player who wins (or loses) every game gets a finite ability
    List<BradleyTerry.Contest> contests = new ArrayList<>();
    for (BradleyTerry.Contest c : season(seed, players)) {
      contests.add(c.a() == 0 ? new BradleyTerry.Contest(0, c.b(), c.games(), c.games()) : c);
    }
    BradleyTerry.Fit fit = BradleyTerry.fit(players, 0, contests);
    for (int i = 1; i < players; i++) {
      assertTrue(Double.isFinite(fit.ability()[i]) && fit.ability()[i] < 0, "player " + i);
      assertTrue(fit.stdErr()[i] > 0 && fit.stdErr()[i] < RaceWinLoss.MAX_STD_ERR);
    }
  }
}
