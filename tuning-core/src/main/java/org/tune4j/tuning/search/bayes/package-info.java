/**
 * Bayesian optimisation with tune's {@code tune_bayes()} semantics. The search is
 * {@link org.tune4j.tuning.search.bayes.BayesSearch} (a
 * {@link org.tune4j.tuning.search.SearchStrategy}) with
 * {@link org.tune4j.tuning.search.bayes.BayesOptions}; the rest are the pure functions and values
 * it calls between rounds.
 *
 * <ul>
 *   <li>{@link org.tune4j.tuning.search.bayes.UnitEncoding}: candidate values to points on
 *       {@code [0, 1]^d} and back (tune's {@code encode_set()}, {@code partial_encode()}, dials'
 *       {@code encode_unit()}); {@link org.tune4j.tuning.search.bayes.UnitPoint} is such a
 *       point and {@link org.tune4j.tuning.search.bayes.History} the evaluated ones with their
 *       outcomes.</li>
 *   <li>{@link org.tune4j.tuning.search.bayes.GaussianProcess}: the surrogate ({@code fit_gp()},
 *       {@code GauPro::gpkm()}): Matérn kernel with a length scale per numeric parameter, a
 *       level-pair correlation per qualitative one ({@code make_kernel()}), constant mean,
 *       fixed nugget, hyperparameters by maximum likelihood with restarts
 *       ({@link org.tune4j.tuning.search.bayes.GpSettings}); the result is a
 *       {@link org.tune4j.tuning.search.bayes.GpFit} that may have failed.</li>
 *   <li>{@link org.tune4j.tuning.search.bayes.GpCheck}: the leave-one-out R² and coverage check
 *       ({@code check_gp()}).</li>
 *   <li>{@link org.tune4j.tuning.search.bayes.Acquisition}: {@code exp_improve()},
 *       {@code prob_improve()}, {@code conf_bound()}, with constant or iteration-dependent
 *       {@link org.tune4j.tuning.search.bayes.TradeOff}s ({@code expo_decay()}).</li>
 *   <li>{@link org.tune4j.tuning.search.bayes.CandidatePool}: the 5000-point Latin hypercube
 *       scored each iteration ({@code pred_gp()}).</li>
 *   <li>{@link org.tune4j.tuning.search.bayes.FallbackSamples}: the farthest candidate
 *       ({@code dissim_sample()}) and the uncertainty sample ({@code pick_candidate()}).</li>
 *   <li>{@link org.tune4j.tuning.search.bayes.BayesProposer}: one iteration's proposals,
 *       {@link org.tune4j.tuning.search.bayes.Proposal}s with their scores, means and sds; one
 *       per iteration as tune, or a batch by kriging believer or constant liar
 *       ({@link org.tune4j.tuning.search.bayes.BatchStrategy}).</li>
 * </ul>
 *
 * <p>Everything here is immutable and deterministic: randomness comes from seed arguments.
 */
package org.tune4j.tuning.search.bayes;
