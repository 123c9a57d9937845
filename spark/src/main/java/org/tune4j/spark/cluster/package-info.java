/**
 * A real Spark standalone cluster on one machine ({@link org.tune4j.spark.cluster.StandaloneCluster}):
 * a master and workers started from spark-core's own classes on 127.0.0.1, for tests, benchmarks and
 * trying a cluster run before there is a cluster.
 */
package org.tune4j.spark.cluster;
