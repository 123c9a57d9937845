/**
 * Search strategies against the full grid: {@link org.tune4j.benchmarks.search.RaceVsGridRun} counts the
 * fits, the wall time and the chosen candidate of finetune's ANOVA race against tune_grid on the
 * vignette's 27 candidates.
 */
package org.tune4j.benchmarks.search;
