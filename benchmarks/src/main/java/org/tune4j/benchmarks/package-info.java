/**
 * JMH benchmarks of tune4j, one topic per sub-package, each with a baseline; run them from the
 * command line as {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main NAME}. See {@code docs/performance.md} for results.
 */
package org.tune4j.benchmarks;
