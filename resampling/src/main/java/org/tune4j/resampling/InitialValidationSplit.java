package org.tune4j.resampling;

import java.util.List;

/**
 * The one-off three-way split into training, validation and testing rows (rsample's
 * {@code initial_validation_split}). Tune on {@link #validationSet()}: fit on training rows,
 * score on validation rows; score the final model once on the testing rows.
 *
 * <p>Rows are sorted 0-based indices; the three sets are disjoint and cover every row. The
 * accessors return fresh copies. Immutable and thread-safe.
 *
 * <pre>{@code
 * InitialValidationSplit three = Resampling.initialValidationSplit(1000, 0.6, 0.2, 42);
 * Resamples validation = three.validationSet();   // one split: "validation"
 * }</pre>
 */
public final class InitialValidationSplit {

    private final int nRows;
    private final double trainProp;
    private final double validationProp;
    private final int[] training;
    private final int[] validation;
    private final int[] testing;
    private final String arguments;
    private final String fingerprint;

    InitialValidationSplit(int nRows, double trainProp, double validationProp, int[] training, int[] validation,
            int[] testing, String arguments) {
        this.nRows = nRows;
        this.trainProp = trainProp;
        this.validationProp = validationProp;
        this.training = training;
        this.validation = validation;
        this.testing = testing;
        this.arguments = arguments;
        this.fingerprint = Fingerprint.start("tune4j.initial_validation_split.v1").add(arguments).add(nRows)
                .add(training).add(validation).add(testing).hex();
    }

    /** A fresh sorted copy of the training rows. */
    public int[] training() {
        return training.clone();
    }

    /** A fresh sorted copy of the validation rows. */
    public int[] validation() {
        return validation.clone();
    }

    /** A fresh sorted copy of the testing rows. */
    public int[] testing() {
        return testing.clone();
    }

    /** The number of rows in the data set. */
    public int nRows() {
        return nRows;
    }

    /** The share of rows asked for training. */
    public double trainProp() {
        return trainProp;
    }

    /** The share of rows asked for validation. */
    public double validationProp() {
        return validationProp;
    }

    /**
     * The resample set for tuning (rsample's {@code validation_set}): one split with id
     * {@code validation}, analysis = training rows, assessment = validation rows. Unlike rsample,
     * whose split indexes the training and validation rows bound together, its indices point into
     * the original data set of {@link #nRows()} rows.
     */
    public Resamples validationSet() {
        Split split = Split.create("validation", null, nRows, training.clone(), validation.clone());
        double total = trainProp + validationProp;
        String title = "Validation Set (" + RandomSplits.signif2(trainProp / total) + "/"
                + RandomSplits.signif2(validationProp / total) + ")";
        return Resamples.of("validation_set", title, nRows, List.of(split), arguments + ";from=" + fingerprint);
    }

    /** SHA-256 hex of the arguments and the three index arrays. */
    public String fingerprint() {
        return fingerprint;
    }

    /** As rsample prints it: {@code <Training/Validation/Testing/Total>} then {@code <600/200/200/1000>}. */
    @Override
    public String toString() {
        return "<Training/Validation/Testing/Total>\n<" + training.length + "/" + validation.length + "/"
                + testing.length + "/" + nRows + ">\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InitialValidationSplit
                && ((InitialValidationSplit) other).fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }
}
