/**
 * tune4j on Apache Spark: {@link org.tune4j.spark.SparkExecutor}, a
 * {@link org.tune4j.tuning.execution.TaskExecutor} that featurizes ranges of rows on the executors
 * into the shared feature store and runs each (resample × candidate group) task there, while the
 * driver decides every round and keeps the journal. What travels: the engine's recipe (how to open
 * the images, where the store is), final specs as JSON, row indices and seeds one way, predictions
 * the other. {@link org.tune4j.spark.SparkExecutorProvider} lets {@code tune4j tune --master} find it.
 */
package org.tune4j.spark;
