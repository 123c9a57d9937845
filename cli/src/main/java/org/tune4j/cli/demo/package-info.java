/**
 * {@code tune4j demo}: the kerasnip transfer-learning vignette on the embedded sample, at tuning
 * scale (the default: a run directory with a report) or as the original single fit ({@code --vignette}).
 */
package org.tune4j.cli.demo;
