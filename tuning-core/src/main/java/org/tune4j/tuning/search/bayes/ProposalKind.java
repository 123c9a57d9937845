package org.tune4j.tuning.search.bayes;

/** How a {@link Proposal} was chosen. */
public enum ProposalKind {
  /** The candidate with the largest acquisition score (tune's {@code slice_max(objective)}). */
  ACQUISITION,
  /**
   * An uncertainty sample: drawn among the 10% of candidates with the largest predicted sd, as
   * tune does after {@code control_bayes(uncertain = n)} iterations without improvement.
   */
  UNCERTAINTY_SAMPLE,
  /**
   * The candidate farthest from those evaluated, because the Gaussian process failed or its
   * leave-one-out check found it unreliable (tune's {@code dissim_sample()}); it has no
   * predictions.
   */
  SPACE_FILLING
}
