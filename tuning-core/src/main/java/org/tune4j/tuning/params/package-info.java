/**
 * Tuning parameters with dials' semantics: what a hyperparameter is allowed to be.
 *
 * <p>A {@link org.tune4j.tuning.params.NumericParameter} is a double or integer range given on
 * its transformed scale (identity, log10 or log2), with inclusive or exclusive ends; a
 * {@link org.tune4j.tuning.params.QualitativeParameter} is a list of string values.
 * {@link org.tune4j.tuning.params.Parameters} has dials' defaults ({@code hiddenUnits()},
 * {@code dropout()}, {@code learnRate()}, ...). A {@link org.tune4j.tuning.params.ParameterSet}
 * is the ordered set of parameters a grid is made from. Everything here is immutable. See
 * {@code tuning-core/GRIDS.md}.
 */
package org.tune4j.tuning.params;
