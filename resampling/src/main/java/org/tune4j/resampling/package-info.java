/**
 * Resampling splits for model tuning: rsample's verbs in Java, with rows as index arrays.
 *
 * <p>{@link org.tune4j.resampling.Resampling} is the entry point. It makes
 * {@link org.tune4j.resampling.Resamples} (v-fold cross-validation, bootstraps, Monte Carlo
 * cross-validation, group v-fold, leave-one-out, apparent, validation sets) and the one-off
 * {@link org.tune4j.resampling.InitialSplit} and {@link org.tune4j.resampling.InitialValidationSplit}.
 * Each {@link org.tune4j.resampling.Split} holds 0-based analysis and assessment row indices
 * and a SHA-256 fingerprint. {@link org.tune4j.resampling.Strata} describes the variable that
 * stratified sampling keeps in proportion.
 *
 * <p>Everything here is pure JDK, immutable and thread-safe. Randomness comes only from the
 * explicit seed of each call: the same seed gives the same splits on any thread.
 */
package org.tune4j.resampling;
