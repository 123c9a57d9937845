package org.tune4j.models.head.fast;

import java.util.Objects;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;

/**
 * One head to train: its layers, its fit settings and the extra options. Candidates trained together
 * must share batch size, seed and validation split (hence one minibatch order); everything else
 * (widths, activations, dropout, optimizer, learning rate, epochs, patience) is each one's own.
 *
 * <pre>{@code
 * Candidate c = Candidate.of(HeadSpec.flatten().dense(64, "relu").dropout(0.5), FitSpec.defaults().epochs(5));
 * }</pre>
 *
 * @param head the head's layers
 * @param fit epochs, batch size, validation split, learning rate, seed, optimizer, patience
 * @param options L2, momentum, weight decay
 */
public record Candidate(HeadSpec head, FitSpec fit, FastFitOptions options) {

  /** Validates: the options must fit the optimizer. Immutable and thread-safe. */
  public Candidate {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(options, "options");
    options.checkAgainst(fit);
  }

  /** A candidate with {@link FastFitOptions#none()}. */
  public static Candidate of(HeadSpec head, FitSpec fit) {
    return new Candidate(head, fit, FastFitOptions.none());
  }
}
