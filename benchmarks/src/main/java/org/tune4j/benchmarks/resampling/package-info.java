/** Benchmarks of the resampling module: stratified v-fold CV over a million rows. */
package org.tune4j.benchmarks.resampling;
