package org.tune4j.tuning.search.bayes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One proposed candidate and what the model said about it, for the search loop to evaluate and
 * journal (tune's candidate row with {@code .mean}, {@code .sd} and {@code objective}).
 *
 * <p>For a {@link ProposalKind#SPACE_FILLING} proposal the three numbers are NaN, as tune's
 * {@code NA}. In a batch, the numbers of the second and later proposals come from the model
 * conditioned on the earlier proposals' fake outcomes. Immutable and thread-safe.
 *
 * @param point the encoded candidate
 * @param values its parameter values by id, in parameter order (an unmodifiable copy is kept)
 * @param kind how it was chosen
 * @param objective its acquisition score, or NaN
 * @param mean its predicted mean, or NaN
 * @param sd its predicted standard deviation, or NaN
 */
public record Proposal(UnitPoint point, Map<String, Object> values, ProposalKind kind,
    double objective, double mean, double sd) {

  /** Validates and copies. */
  public Proposal {
    if (point == null || values == null || values.isEmpty() || kind == null) {
      throw new IllegalArgumentException("proposal has point " + point + ", values " + values
          + " and kind " + kind + "; give all three");
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
