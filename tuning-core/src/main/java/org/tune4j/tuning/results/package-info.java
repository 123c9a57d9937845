/**
 * The results of tuning as tidy tables: per-resample metric rows, notes, held-out predictions,
 * and {@link org.tune4j.tuning.results.TuneResults} with tune's verbs ({@code collectMetrics},
 * {@code showBest}, {@code selectBest}, {@code selectByOneStdErr}, {@code selectByPctLoss},
 * {@code notes}, {@code collectPredictions}).
 */
package org.tune4j.tuning.results;
