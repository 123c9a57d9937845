/**
 * tune4j on Spark: featurizing throughput of a standalone cluster with two workers against one, and
 * the overhead of {@code local[2]} against the plain local run on the vignette
 * ({@link org.tune4j.benchmarks.spark.SparkScalingRun}).
 */
package org.tune4j.benchmarks.spark;
