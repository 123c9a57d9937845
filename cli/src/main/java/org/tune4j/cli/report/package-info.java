/**
 * The self-contained HTML report of a run ({@code tune4j report}): the ranked table, metric versus
 * parameter plots as tune's {@code autoplot}, the spread across folds, notes and run information.
 * Plots are inline SVG; the page loads nothing from the network.
 */
package org.tune4j.cli.report;
