/**
 * {@code tune4j metrics}: scores a predictions CSV with yardstick's classification metrics and
 * prints the tidy {@code metric, estimator, estimate} table as a tibble, CSV or JSON.
 */
package org.tune4j.cli.metrics;
