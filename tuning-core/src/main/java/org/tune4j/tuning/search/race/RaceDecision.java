package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one interim analysis of a race: for every config compared (those with the most
 * resamples), its {@link RaceComparison} with the best config, best first; the configs left out
 * because they have fewer resamples (finetune drops them from the next round too); and notes
 * on anything degenerate (a single resample, identical candidates, no residual variance...).
 * The configs to evaluate on the next resample are {@link #passing()}. Immutable.
 *
 * <pre>{@code
 * RaceDecision d = RaceAnova.testParameters(table, 0.05);
 * List<String> next = d.passing(); // best first
 * d.notes().forEach(System.out::println);
 * }</pre>
 *
 * @param bestConfig the current best config
 * @param comparisons one row per compared config, the best first
 * @param notCompared configs with fewer resamples than the most, in candidate order
 * @param notes degenerate cases met, as sentences; empty when the analysis was routine
 */
public record RaceDecision(String bestConfig, List<RaceComparison> comparisons,
    List<String> notCompared, List<String> notes) {

  /** Validates and copies. */
  public RaceDecision {
    Objects.requireNonNull(bestConfig, "bestConfig");
    comparisons = List.copyOf(comparisons);
    notCompared = List.copyOf(notCompared);
    notes = List.copyOf(notes);
    if (comparisons.isEmpty() || !comparisons.get(0).configId().equals(bestConfig)) {
      throw new IllegalArgumentException("the first comparison must be the best config "
          + bestConfig + "; got " + comparisons);
    }
  }

  /** The configs that stay in the race, in comparison order (the best first when it passes). */
  public List<String> passing() {
    List<String> out = new ArrayList<>();
    for (RaceComparison c : comparisons) {
      if (c.pass()) {
        out.add(c.configId());
      }
    }
    return List.copyOf(out);
  }

  /** The row of {@code configId}, if it was compared. */
  public Optional<RaceComparison> comparison(String configId) {
    return comparisons.stream().filter(c -> c.configId().equals(configId)).findFirst();
  }
}
