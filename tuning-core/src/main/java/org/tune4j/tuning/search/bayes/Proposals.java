package org.tune4j.tuning.search.bayes;

import java.util.List;
import java.util.Optional;

/**
 * What {@link BayesProposer#propose} returns: the proposals in order, the check of the model
 * fitted to the real history, and that model's hyperparameters when the fit succeeded.
 *
 * <p>There are fewer proposals than asked for when the pool runs out (tune's "No remaining
 * candidate models"). Immutable and thread-safe.
 *
 * @param proposals the proposed candidates, distinct, in the order chosen
 * @param check the leave-one-out check of the fit ({@link GpCheck#note()} is tune's message)
 * @param hyperparameters the fitted hyperparameters, if the fit succeeded
 */
public record Proposals(List<Proposal> proposals, GpCheck check,
    Optional<GpHyperparameters> hyperparameters) {

  /** Validates and copies. */
  public Proposals {
    if (proposals == null || check == null || hyperparameters == null) {
      throw new IllegalArgumentException("proposals, check and hyperparameters must not be"
          + " null (use Optional.empty() for a failed fit)");
    }
    proposals = List.copyOf(proposals);
  }

  /** The number of proposals. */
  public int size() {
    return proposals.size();
  }
}
