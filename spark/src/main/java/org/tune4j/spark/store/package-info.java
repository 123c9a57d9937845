/**
 * The feature store at a Hadoop file-system URI ({@code hdfs://}, {@code s3a://}, {@code file:/}):
 * {@link org.tune4j.spark.store.HadoopStoreMirror} copies whole shard files between each JVM's
 * local copy and the URI, so executors and the driver share one store without a common mount.
 */
package org.tune4j.spark.store;
