package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Settings for v-fold cross-validation, from {@link Resampling#vfoldCv(int, int)}.
 *
 * <p>The data is split into {@code v} folds; each split assesses one fold and analyses the
 * others. With {@link #repeats(int)} the whole partition is drawn again; ids then are
 * {@code Repeat1..} with the fold in {@link Split#id2()}. Folds are balanced: their sizes
 * differ by at most one row, and with strata each stratum's and each class's count differs
 * between folds by at most one (rsample piles leftovers onto the first folds).
 *
 * <p>A builder is mutable and not thread-safe; {@link #build()} returns an immutable
 * {@link Resamples} and can be called again. {@link #seed(long)} is required.
 *
 * <pre>{@code
 * Resamples folds = Resampling.vfoldCv(labels.length, 5).strata(labels).repeats(2).seed(42).build();
 * }</pre>
 */
public final class VfoldCvBuilder {

    private final int nRows;
    private final int v;
    private Strata strata;
    private Integer breaks;
    private Double pool;
    private int repeats = 1;
    private Long seed;

    VfoldCvBuilder(int nRows, int v) {
        Checks.rows(nRows, 2, "vfoldCv");
        Checks.folds(v, nRows, "rows", true);
        this.nRows = nRows;
        this.v = v;
    }

    /** Stratifies by integer class labels, one per row. */
    public VfoldCvBuilder strata(int[] classes) {
        return strata(Strata.of(classes));
    }

    /** Stratifies by class labels, one per row (null = missing). */
    public VfoldCvBuilder strata(String[] classes) {
        return strata(Strata.of(classes));
    }

    /** Stratifies by a numeric outcome binned at its quantiles (see {@link #breaks(int)}). */
    public VfoldCvBuilder strata(double[] outcome) {
        return strata(Strata.numeric(outcome));
    }

    /** Stratifies by {@code strata}, which must have one entry per row. */
    public VfoldCvBuilder strata(Strata strata) {
        Checks.notNull(strata, "strata");
        Checks.sameRows("strata", strata.nRows(), nRows);
        this.strata = strata;
        return this;
    }

    /** The number of quantile bins for a numeric strata outcome (default 4). */
    public VfoldCvBuilder breaks(int breaks) {
        this.breaks = Strata.checkBreaks(breaks);
        return this;
    }

    /** The share of rows below which a class is merged into other strata (default 0.1). */
    public VfoldCvBuilder pool(double pool) {
        this.pool = Strata.checkPool(pool);
        return this;
    }

    /** How many times to draw the whole v-fold partition (default 1). */
    public VfoldCvBuilder repeats(int repeats) {
        Checks.repeats(repeats);
        this.repeats = repeats;
        return this;
    }

    /** The seed of the random partition; required. */
    public VfoldCvBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Draws the folds.
     *
     * @throws IllegalStateException if no seed was set
     * @throws IllegalArgumentException if breaks or pool was set without strata, or a stratum
     *     has fewer rows than {@code v}
     */
    public Resamples build() {
        if (seed == null) {
            throw new IllegalStateException("vfoldCv: seed not set; call seed(long) before build() "
                    + "so the folds can be drawn again");
        }
        if (strata == null && (breaks != null || pool != null)) {
            throw new IllegalArgumentException("vfoldCv: " + (breaks != null ? "breaks = " + breaks : "pool = " + pool)
                    + " was set without strata; call strata(...) too, or drop it");
        }
        Strata effective = strata;
        if (effective != null && breaks != null) {
            effective = effective.breaks(breaks);
        }
        if (effective != null && pool != null) {
            effective = effective.pool(pool);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> foldIds = SplitIds.names0(v, "Fold");
        List<String> repeatIds = SplitIds.names0(repeats, "Repeat");
        List<Split> splits = new ArrayList<>(v * repeats);
        for (int r = 0; r < repeats; r++) {
            ResolvedStrata resolved = effective == null ? ResolvedStrata.unstratified(nRows) : effective.resolve(random);
            checkStrataSizes(resolved, effective);
            int[][] folds = FoldDealer.deal(resolved, v, random);
            for (int fold = 0; fold < v; fold++) {
                String id = repeats == 1 ? foldIds.get(fold) : repeatIds.get(r);
                String id2 = repeats == 1 ? null : foldIds.get(fold);
                splits.add(Split.create(id, id2, nRows, RowSampler.complement(folds[fold], nRows), folds[fold]));
            }
        }
        String title = v + "-fold cross-validation" + (repeats > 1 ? " repeated " + repeats + " times" : "")
                + (effective != null ? " using stratification" : "");
        String arguments = "v=" + v + ";repeats=" + repeats + ";seed=" + seed + ";strata="
                + (effective == null ? "none" : effective.fingerprint());
        return Resamples.of("vfold_cv", title, nRows, splits, arguments);
    }

    private void checkStrataSizes(ResolvedStrata resolved, Strata effective) {
        for (ResolvedStrata.Stratum stratum : resolved.strata()) {
            if (stratum.ownSize() < v) {
                throw new IllegalArgumentException("vfoldCv: stratum \"" + stratum.name() + "\" has "
                        + stratum.ownSize() + " rows, fewer than v = " + v + " folds; "
                        + (stratum.ownSize() >= 2 ? "lower v to at most " + stratum.ownSize() + ", " : "")
                        + "raise pool (now " + effective.pool()
                        + ") above its share of rows (" + QuantileBins.signif3((double) stratum.ownSize() / nRows)
                        + ") so it is merged into other strata, or drop strata");
            }
        }
    }
}
