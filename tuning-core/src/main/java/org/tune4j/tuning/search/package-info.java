/**
 * The search seam: a {@link org.tune4j.tuning.search.SearchStrategy} proposes a
 * {@link org.tune4j.tuning.search.Round} (candidates and the resamples to fit them on) from the
 * {@link org.tune4j.tuning.search.SearchState} (everything evaluated so far); the engine evaluates
 * it with everything a grid gets and asks again. Grid search ({@link org.tune4j.tuning.search.GridSearch})
 * is one round; races and Bayesian search are more. Rounds and their
 * {@link org.tune4j.tuning.search.Decision}s are plain values with a JSON form
 * ({@link org.tune4j.tuning.search.RoundJson}), journaled before they run, so a killed search resumes with
 * the same decisions. A new strategy is one class implementing {@code SearchStrategy}.
 */
package org.tune4j.tuning.search;
