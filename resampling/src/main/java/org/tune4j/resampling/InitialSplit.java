package org.tune4j.resampling;

/**
 * The one-off split of a data set into training and testing rows (rsample's {@code initial_split}).
 *
 * <p>Rows are sorted 0-based indices; the testing rows are the complement of the training rows.
 * The accessors return fresh copies. Immutable and thread-safe.
 *
 * <pre>{@code
 * InitialSplit split = Resampling.initialSplit(Strata.of(labels), 0.8, 42);
 * int[] train = split.training();      // tune on these
 * int[] test = split.testing();        // score the final model once
 * }</pre>
 */
public final class InitialSplit {

    private final int nRows;
    private final double prop;
    private final int[] training;
    private final int[] testing;
    private final String fingerprint;

    InitialSplit(int nRows, double prop, int[] training, int[] testing, String arguments) {
        this.nRows = nRows;
        this.prop = prop;
        this.training = training;
        this.testing = testing;
        this.fingerprint = Fingerprint.start("tune4j.initial_split.v1").add(arguments).add(nRows).add(training)
                .add(testing).hex();
    }

    /** A fresh sorted copy of the training rows. */
    public int[] training() {
        return training.clone();
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
    public double prop() {
        return prop;
    }

    /** The split as a {@link Split} with id {@code Resample1}: analysis = training, assessment = testing. */
    public Split asSplit() {
        return Split.create("Resample1", null, nRows, training.clone(), testing.clone());
    }

    /** SHA-256 hex of the arguments and both index arrays. */
    public String fingerprint() {
        return fingerprint;
    }

    /** As rsample prints it: {@code <Training/Testing/Total>} then {@code <1500/500/2000>}. */
    @Override
    public String toString() {
        return "<Training/Testing/Total>\n<" + training.length + "/" + testing.length + "/" + nRows + ">\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InitialSplit && ((InitialSplit) other).fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }
}
