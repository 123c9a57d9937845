package org.tune4j.models.head.fast;

import java.util.Objects;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;

/**
 * One head to train: its layers and its fit settings. Candidates trained together
 * must share batch size, seed and validation split (hence one minibatch order); everything else
 * (widths, activations, dropout, optimizer and its options, learning rate, epochs, patience) is each one's own.
 *
 * <pre>{@code
 * Candidate c = Candidate.of(HeadSpec.flatten().dense(64, "relu").dropout(0.5), FitSpec.defaults().epochs(5));
 * }</pre>
 *
 * @param head the head's layers
 * @param fit epochs, batch size, validation split, learning rate, seed, optimizer and its options, patience
 */
public record Candidate(HeadSpec head, FitSpec fit) {

  /** Validates. Immutable and thread-safe. */
  public Candidate {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(fit, "fit");
  }

  /** A candidate: {@code new Candidate(head, fit)}. */
  public static Candidate of(HeadSpec head, FitSpec fit) {
    return new Candidate(head, fit);
  }
}
