/**
 * The pure decision rules of racing ({@code tuneRaceAnova}, {@code tuneRaceWinLoss}), as R
 * finetune's racing helpers: given a {@link org.tune4j.tuning.search.race.RaceTable} of one
 * metric's per-resample estimates, which configs stay in the race.
 *
 * <ul>
 *   <li>{@link org.tune4j.tuning.search.race.RaceAnova}: only the configs with the most
 *       resamples are compared; the best by mean is the reference level of
 *       {@code estimate ~ config + (1 | resample)} fitted by REML (as lme4); a config stays
 *       while the Wald interval at level {@code 1 − alpha} of its difference from the best
 *       reaches 0 on the better side (upper end when maximizing, lower end when minimizing).
 *   <li>{@link org.tune4j.tuning.search.race.RaceWinLoss}: pairs of configs play a game on each
 *       common resample; zero-variance and winless configs are dropped; Firth-penalized
 *       Bradley–Terry abilities relative to the config with most wins; a config stays while
 *       {@code ability + qt(1 − alpha, 1) · stdErr > 0}.
 *   <li>{@link org.tune4j.tuning.search.race.RaceTies}: when exactly two configs have remained
 *       for {@code num_ties} rounds, the better mean wins.
 * </ul>
 *
 * <p>Each analysis returns a {@link org.tune4j.tuning.search.race.RaceDecision} listing a
 * {@link org.tune4j.tuning.search.race.RaceComparison} per compared config. Degenerate tables
 * (a single resample, one candidate left, identical candidates, no residual variance, missing
 * estimates) never throw: the decision carries a note, and where no test is possible nobody is
 * eliminated. Where finetune itself fails on such tables (its issues #33 and #137) these rules
 * choose the conservative answer; the class Javadoc says which. Pure Java on commons-math3;
 * stateless and thread-safe.
 *
 * <p>The race itself is {@link org.tune4j.tuning.search.race.RacingSearch}, a
 * {@link org.tune4j.tuning.search.SearchStrategy} taking a
 * {@link org.tune4j.tuning.search.race.RaceRule} ({@link org.tune4j.tuning.search.race.RaceRules}
 * adapts the two analyses) and {@link org.tune4j.tuning.search.race.RacingOptions}
 * (finetune's {@code control_race}).
 */
package org.tune4j.tuning.search.race;
