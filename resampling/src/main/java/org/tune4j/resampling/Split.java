package org.tune4j.resampling;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One resample: the analysis rows a model is fit on and the assessment rows it is scored on.
 *
 * <p>Rows are 0-based indices into a data set of {@link #nRows()} rows, sorted ascending. The
 * assessment rows are the complement of the analysis rows, except for bootstraps (analysis rows
 * repeat; assessment rows are the out-of-bag rows) and {@code apparent} (both are every row).
 * {@link #analysis()} and {@link #assessment()} return fresh copies, so a split cannot be changed
 * from outside. The {@link #fingerprint()} is a SHA-256 hex digest of {@code nRows} and both
 * index arrays (not of the ids), so equal splits have equal fingerprints.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Split fold = folds.get(0);              // <split [1600/400]> Fold1
 * int[] fitRows = fold.analysis();
 * int[] scoreRows = fold.assessment();
 * }</pre>
 */
public final class Split {

    private final String id;
    private final String id2;
    private final int nRows;
    private final int[] analysis;
    private final int[] assessment;
    private final String fingerprint;

    private Split(String id, String id2, int nRows, int[] analysis, int[] assessment) {
        this.id = id;
        this.id2 = id2;
        this.nRows = nRows;
        this.analysis = analysis;
        this.assessment = assessment;
        this.fingerprint = Fingerprint.start("tune4j.split.v1").add(nRows).add(analysis).add(assessment).hex();
    }

    /**
     * Makes a split from caller-supplied rows, copying and sorting them.
     *
     * @param id the split id, such as {@code Fold1}
     * @param id2 the second id ({@code Fold1} when {@code id} is {@code Repeat1}), or null
     * @param nRows the number of rows in the data set the indices point into
     * @param analysis analysis rows in {@code [0, nRows)}; not empty
     * @param assessment assessment rows in {@code [0, nRows)}; not empty
     * @throws IllegalArgumentException if an id is blank, a set is empty or an index is out of range
     */
    public static Split of(String id, String id2, int nRows, int[] analysis, int[] assessment) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id = \"" + id + "\" is blank; give the split an id such as Fold1");
        }
        if (id2 != null && id2.isBlank()) {
            throw new IllegalArgumentException("id2 = \"" + id2 + "\" is blank; give an id such as Fold1 or null");
        }
        Checks.notNull(analysis, "analysis");
        Checks.notNull(assessment, "assessment");
        return create(id, id2, nRows, sortedCopy(analysis), sortedCopy(assessment));
    }

    /** Wraps arrays the caller already owns and sorted; checks range and emptiness. */
    static Split create(String id, String id2, int nRows, int[] analysis, int[] assessment) {
        if (analysis.length == 0) {
            throw new IllegalArgumentException("split " + id + " has an empty analysis set; "
                    + "use more rows or a larger proportion for analysis");
        }
        if (assessment.length == 0) {
            throw new IllegalArgumentException("split " + id + " has an empty assessment set; "
                    + "use more rows or a smaller proportion for analysis");
        }
        checkRange(analysis, nRows, "analysis");
        checkRange(assessment, nRows, "assessment");
        return new Split(id, id2, nRows, analysis, assessment);
    }

    private static int[] sortedCopy(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void checkRange(int[] sortedRows, int nRows, String name) {
        if (sortedRows[0] < 0 || sortedRows[sortedRows.length - 1] >= nRows) {
            int bad = sortedRows[0] < 0 ? sortedRows[0] : sortedRows[sortedRows.length - 1];
            throw new IllegalArgumentException(name + " row " + bad + " is outside [0, " + nRows
                    + "); rows are 0-based indices below nRows");
        }
    }

    /** The split id: {@code Fold1}, {@code Repeat1}, {@code Bootstrap01}, {@code Resample01}... */
    public String id() {
        return id;
    }

    /** The second id, present for repeated v-fold ({@code Fold1} under {@code Repeat2}). */
    public Optional<String> id2() {
        return Optional.ofNullable(id2);
    }

    /** The number of rows in the data set the indices point into. */
    public int nRows() {
        return nRows;
    }

    /** A fresh sorted copy of the analysis rows (with repeats for bootstraps). */
    public int[] analysis() {
        return analysis.clone();
    }

    /** A fresh sorted copy of the assessment rows. */
    public int[] assessment() {
        return assessment.clone();
    }

    /** The number of analysis rows, counting bootstrap repeats. */
    public int analysisSize() {
        return analysis.length;
    }

    /** The number of assessment rows. */
    public int assessmentSize() {
        return assessment.length;
    }

    /** SHA-256 hex of {@code nRows} and both index arrays. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The rsample column form: {@code <split [1600/400]>}. */
    public String sizes() {
        return "<split [" + analysis.length + "/" + assessment.length + "]>";
    }

    /** Reads like a row of an rsample tibble: {@code <split [1600/400]> Fold1}. */
    @Override
    public String toString() {
        return sizes() + " " + id + (id2 == null ? "" : " " + id2);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Split)) {
            return false;
        }
        Split that = (Split) other;
        return nRows == that.nRows && id.equals(that.id) && Objects.equals(id2, that.id2)
                && Arrays.equals(analysis, that.analysis) && Arrays.equals(assessment, that.assessment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, id2, fingerprint);
    }
}
