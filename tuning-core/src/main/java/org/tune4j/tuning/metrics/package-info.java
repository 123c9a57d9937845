/**
 * Classification metrics with yardstick's definitions, names and estimators, in pure Java.
 *
 * <p>{@link org.tune4j.tuning.metrics.ClassPredictions} holds the truth, the predicted class
 * and the class probabilities of some rows. {@link org.tune4j.tuning.metrics.ClassificationMetrics}
 * makes the metrics (accuracy, kap, mcc, bal_accuracy, precision, recall, f_meas, sensitivity,
 * specificity, ppv, npv, j_index, roc_auc, pr_auc, mn_log_loss, brier_class);
 * {@link org.tune4j.tuning.metrics.MetricSet} evaluates several into a tidy
 * {@link org.tune4j.tuning.metrics.MetricTable}. {@link org.tune4j.tuning.metrics.ConfusionMatrix}
 * and {@link org.tune4j.tuning.metrics.Curves} give the confusion matrix and the ROC and
 * precision–recall curve points. Undefined cases are warnings on the estimate, never silent
 * zeros. See {@code tuning-core/METRICS.md} for the formulas.
 */
package org.tune4j.tuning.metrics;
