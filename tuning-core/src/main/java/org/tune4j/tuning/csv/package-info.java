/**
 * RFC 4180 CSV reading shared by every CSV tune4j reads (predictions, user grids, results), with
 * the line and data row of each record for error messages.
 */
package org.tune4j.tuning.csv;
