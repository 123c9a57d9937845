/** {@code tune4j compare}: per-candidate metric changes between two runs on the same resamples. */
package org.tune4j.cli.compare;
