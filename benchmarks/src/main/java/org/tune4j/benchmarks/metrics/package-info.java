/** JMH benchmarks of tuning-core's classification metrics on large prediction sets. */
package org.tune4j.benchmarks.metrics;
