package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every pair of players (compared configs) meeting on their common resamples, as finetune's
 * {@code score_season}: on each resample where both have an estimate, the better one wins a
 * game and a tie gives each half a game. Immutable after construction.
 */
final class Season {

  private final List<Integer> players;
  private final double[] wins;
  private final List<BradleyTerry.Contest> contests;

  private Season(List<Integer> players, double[] wins, List<BradleyTerry.Contest> contests) {
    this.players = players;
    this.wins = wins;
    this.contests = contests;
  }

  /** The season among {@code players} (local config indices of {@code f}, candidate order). */
  static Season play(Finalists f, List<Integer> players) {
    double[] wins = new double[players.size()];
    List<BradleyTerry.Contest> contests = new ArrayList<>();
    boolean bigger = f.biggerIsBetter();
    for (int p = 0; p < players.size(); p++) {
      for (int q = p + 1; q < players.size(); q++) {
        double winsP = 0;
        double games = 0;
        for (int j = 0; j < f.resampleCount(); j++) {
          double a = f.y(players.get(p), j);
          double b = f.y(players.get(q), j);
          if (Double.isNaN(a) || Double.isNaN(b)) {
            continue;
          }
          games++;
          if (a == b) {
            winsP += 0.5;
          } else if ((a > b) == bigger) {
            winsP += 1;
          }
        }
        wins[p] += winsP;
        wins[q] += games - winsP;
        if (games > 0) {
          contests.add(new BradleyTerry.Contest(p, q, winsP, games));
        }
      }
    }
    return new Season(List.copyOf(players), wins, List.copyOf(contests));
  }

  /** The players, as given. */
  List<Integer> players() {
    return players;
  }

  /** Total games won by player position {@code p}. */
  double wins(int p) {
    return wins[p];
  }

  /** The pairs that played at least one game, by player position. */
  List<BradleyTerry.Contest> contests() {
    return contests;
  }

  /** Players (local config indices) with no win at all, finetune's "skunked". */
  List<Integer> skunked() {
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p < players.size(); p++) {
      if (wins[p] == 0) {
        out.add(players.get(p));
      }
    }
    return out;
  }

  /** Player positions by total wins, most first; ties keep candidate order. */
  Integer[] ranking() {
    Integer[] order = new Integer[players.size()];
    Arrays.setAll(order, p -> p);
    Arrays.sort(order, (a, b) -> Double.compare(wins[b], wins[a]));
    return order;
  }
}
