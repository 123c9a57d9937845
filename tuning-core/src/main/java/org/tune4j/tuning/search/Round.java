package org.tune4j.tuning.search;

import java.util.List;
import java.util.Objects;
import org.tune4j.tuning.grid.Candidate;

/**
 * What a search evaluates next: candidates, the resamples to fit them on, and the decisions that led
 * to it. The engine fits every (candidate, resample) pair of the round not fitted before, with
 * everything a grid gets (heads of one resample trained together, epoch sub-models, notes,
 * progress, the journal), then asks the strategy for the next round. A round is journaled before
 * its fits start, so a resumed run replays it as it was. Immutable.
 *
 * @param number 1 for the first round, then 2, 3, …
 * @param candidates the candidates to fit, in order (a candidate of an earlier round keeps its config id and
 *     values)
 * @param resamples indices into the run's resamples, in the order they are evaluated
 * @param decisions what the strategy decided on the way (eliminations, proposals, notes)
 * @param message one line for the console and the log, as finetune and tune print them (may be empty)
 */
public record Round(int number, List<Candidate> candidates, List<Integer> resamples, List<Decision> decisions,
    String message) {

  /** Validates and copies. */
  public Round {
    if (number < 1) {
      throw new IllegalArgumentException("round number " + number + " must be at least 1");
    }
    candidates = List.copyOf(candidates);
    resamples = List.copyOf(resamples);
    decisions = List.copyOf(decisions);
    Objects.requireNonNull(message, "message");
    if (candidates.isEmpty() || resamples.isEmpty()) {
      throw new IllegalArgumentException("round " + number + " has " + candidates.size() + " candidates and "
          + resamples.size() + " resamples; a round fits at least one candidate on at least one resample (a search"
          + " that is done returns no round)");
    }
    if (resamples.stream().distinct().count() != resamples.size()) {
      throw new IllegalArgumentException("round " + number + " repeats a resample: " + resamples);
    }
  }

  /** The number of (candidate, resample) pairs. */
  public int pairs() {
    return candidates.size() * resamples.size();
  }
}
