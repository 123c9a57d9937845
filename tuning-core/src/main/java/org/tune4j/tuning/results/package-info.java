/**
 * The results of tuning as tidy tables: per-resample metric rows, notes, held-out predictions,
 * and {@link org.tune4j.tuning.results.TuneResults} with tune's verbs ({@code collectMetrics},
 * {@code showBest}, {@code selectBest}, {@code selectByOneStdErr}, {@code selectByPctLoss},
 * {@code notes}, {@code collectPredictions}).
 *
 * <p>Tables are {@link org.tune4j.tuning.results.Table}s that print like tibbles and give exact
 * typed values; selections are {@link org.tune4j.tuning.results.Selection}s ready for
 * {@code spec.finalize(selection.values())}; simplicity orders are
 * {@link org.tune4j.tuning.results.SortOrder}s. Results save to a directory of CSV files plus
 * {@code results.json} and load back equal (see {@code tuning-core/RESULTS.md}). Pure Java.
 */
package org.tune4j.tuning.results;
