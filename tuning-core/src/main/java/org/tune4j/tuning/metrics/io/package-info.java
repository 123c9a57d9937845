/**
 * Reading and writing {@link org.tune4j.tuning.metrics.ClassPredictions} as CSV in the layout of
 * tuning results (a truth column, {@code pred_class}, {@code pred_<level>}), with errors that
 * name the line, the data row and the column.
 */
package org.tune4j.tuning.metrics.io;
