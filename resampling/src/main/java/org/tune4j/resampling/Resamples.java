package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A resample set (rsample's {@code rset}): an ordered list of {@link Split}s with ids, a title
 * describing how they were made, and a fingerprint.
 *
 * <p>The {@link #fingerprint()} is a SHA-256 hex digest of the method, the arguments that made
 * the splits (seed, v, strata contents, ...) and every split's ids and rows: it changes when any
 * of them changes and is the same on every run with the same arguments.
 *
 * <p>{@link #toString()} prints like rsample:
 * <pre>
 * # 5-fold cross-validation using stratification
 * &lt;split [1600/400]&gt; Fold1
 * ...
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Resamples folds = Resampling.vfoldCv(2000, 5).strata(labels).seed(42).build();
 * for (Split split : folds) {
 *     fit(split.analysis());
 *     score(split.assessment());
 * }
 * }</pre>
 */
public final class Resamples implements Iterable<Split> {

    private final String method;
    private final String title;
    private final int nRows;
    private final List<Split> splits;
    private final String fingerprint;

    private Resamples(String method, String title, int nRows, List<Split> splits, String arguments) {
        this.method = method;
        this.title = title;
        this.nRows = nRows;
        this.splits = List.copyOf(splits);
        Fingerprint hash = Fingerprint.start("tune4j.resamples.v1").add(method).add(arguments).add(nRows)
                .add(this.splits.size());
        for (Split split : this.splits) {
            hash.add(split.id()).add(split.id2().orElse(null)).add(split.fingerprint());
        }
        this.fingerprint = hash.hex();
    }

    /**
     * Makes a resample set.
     *
     * @param method the rsample class, e.g. {@code vfold_cv}
     * @param title the printed title without {@code "# "}
     * @param nRows rows in the data set
     * @param splits the splits, at least one, all over {@code nRows} rows
     * @param arguments a canonical description of the arguments, hashed into the fingerprint
     */
    static Resamples of(String method, String title, int nRows, List<Split> splits, String arguments) {
        if (splits.isEmpty()) {
            throw new IllegalArgumentException(method + " made no splits; ask for at least one");
        }
        for (Split split : splits) {
            if (split.nRows() != nRows) {
                throw new IllegalArgumentException("split " + split.id() + " covers " + split.nRows()
                        + " rows but the set has nRows = " + nRows + "; every split must index the same data");
            }
        }
        return new Resamples(method, title, nRows, splits, arguments);
    }

    /** The rsample class name of the method: {@code vfold_cv}, {@code bootstraps}, {@code mc_cv}... */
    public String method() {
        return method;
    }

    /** The title line without the leading {@code "# "}: {@code 5-fold cross-validation}. */
    public String title() {
        return title;
    }

    /** The number of rows in the data set the splits index. */
    public int nRows() {
        return nRows;
    }

    /** The splits in order (an unmodifiable list). */
    public List<Split> splits() {
        return splits;
    }

    /** The number of splits. */
    public int size() {
        return splits.size();
    }

    /** The split at {@code index} (0-based). */
    public Split get(int index) {
        return splits.get(index);
    }

    /** The split with this id (and no id2), if any. */
    public Optional<Split> find(String id) {
        return splits.stream().filter(s -> s.id().equals(id) && s.id2().isEmpty()).findFirst();
    }

    /** The split with this id and id2, e.g. {@code ("Repeat2", "Fold3")}, if any. */
    public Optional<Split> find(String id, String id2) {
        return splits.stream().filter(s -> s.id().equals(id) && s.id2().filter(id2::equals).isPresent())
                .findFirst();
    }

    /** The ids of the splits in order; under repeats the fold is in each {@link Split#id2()}. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(splits.size());
        for (Split split : splits) {
            ids.add(split.id());
        }
        return List.copyOf(ids);
    }

    /** SHA-256 hex of the method, its arguments and every split. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Iterator<Split> iterator() {
        return splits.iterator();
    }

    /** A title line, then one line per split: {@code <split [1600/400]> Fold1}. */
    @Override
    public String toString() {
        int width = 0;
        for (Split split : splits) {
            width = Math.max(width, split.sizes().length());
        }
        StringBuilder out = new StringBuilder("# ").append(title).append('\n');
        for (Split split : splits) {
            String sizes = split.sizes();
            out.append(sizes).append(" ".repeat(width - sizes.length() + 1)).append(split.id());
            split.id2().ifPresent(id2 -> out.append(' ').append(id2));
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Resamples && ((Resamples) other).fingerprint.equals(fingerprint)
                && ((Resamples) other).title.equals(title);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }
}
