package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The resampling verbs of rsample, over row indices: v-fold cross-validation, bootstraps, Monte
 * Carlo cross-validation, initial (validation) splits, validation sets, group v-fold,
 * leave-one-out and apparent.
 *
 * <p>Data sets are described by their row count, or by a {@link Strata} (one class label or
 * numeric outcome per row) when sampling should keep its proportions. Every random verb takes an
 * explicit seed and draws from a generator made for that call only, so the same arguments give
 * the same splits on any thread. Rows are 0-based.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * InitialSplit split = Resampling.initialSplit(Strata.of(labels), 0.8, 42);
 * Resamples folds = Resampling.vfoldCv(Strata.of(trainLabels), 5).seed(42).build();
 * Resamples boots = Resampling.bootstraps(2000, 25, 7);
 * }</pre>
 */
public final class Resampling {

    /**
     * The id of the {@link #apparent} split (rsample's {@code "Apparent"}); tune leaves splits with this id out
     * of its summaries.
     */
    public static final String APPARENT_ID = "Apparent";

    /** The {@link Resamples#method()} of {@link #looCv}, which tune refuses for tuning. */
    public static final String LOO_CV_METHOD = "loo_cv";

    private Resampling() {
    }

    /**
     * Starts v-fold cross-validation of {@code nRows} rows into {@code v} folds; set strata,
     * repeats and the (required) seed on the builder.
     *
     * @throws IllegalArgumentException if {@code v} is below 2 or not below {@code nRows}
     */
    public static VfoldCvBuilder vfoldCv(int nRows, int v) {
        return new VfoldCvBuilder(nRows, v);
    }

    /** Starts stratified v-fold cross-validation; the row count is that of {@code strata}. */
    public static VfoldCvBuilder vfoldCv(Strata strata, int v) {
        Checks.notNull(strata, "strata");
        return new VfoldCvBuilder(strata.nRows(), v).strata(strata);
    }

    /**
     * {@code times} bootstrap resamples: analysis = {@code nRows} rows drawn with replacement,
     * assessment = the rows never drawn (out-of-bag). Ids {@code Bootstrap01..}.
     *
     * @throws IllegalArgumentException if a resample draws every row (empty assessment set)
     */
    public static Resamples bootstraps(int nRows, int times, long seed) {
        return RandomSplits.bootstraps(nRows, null, times, seed);
    }

    /** Stratified bootstraps: each stratum is drawn with replacement to its own size. */
    public static Resamples bootstraps(Strata strata, int times, long seed) {
        Checks.notNull(strata, "strata");
        return RandomSplits.bootstraps(strata.nRows(), strata, times, seed);
    }

    /**
     * Monte Carlo cross-validation: {@code times} random splits with {@code floor(nRows * prop)}
     * analysis rows each. Ids {@code Resample01..}.
     */
    public static Resamples mcCv(int nRows, double prop, int times, long seed) {
        return RandomSplits.mcCv(nRows, null, prop, times, seed);
    }

    /** Stratified Monte Carlo cross-validation: {@code floor(size * prop)} rows of each stratum. */
    public static Resamples mcCv(Strata strata, double prop, int times, long seed) {
        Checks.notNull(strata, "strata");
        return RandomSplits.mcCv(strata.nRows(), strata, prop, times, seed);
    }

    /** Splits {@code nRows} rows into {@code floor(nRows * prop)} training rows and the testing rest. */
    public static InitialSplit initialSplit(int nRows, double prop, long seed) {
        return initialSplit(nRows, null, prop, seed);
    }

    /** A stratified initial split: {@code floor(size * prop)} training rows of each stratum. */
    public static InitialSplit initialSplit(Strata strata, double prop, long seed) {
        Checks.notNull(strata, "strata");
        return initialSplit(strata.nRows(), strata, prop, seed);
    }

    private static InitialSplit initialSplit(int nRows, Strata strata, double prop, long seed) {
        Checks.rows(nRows, 2, "initialSplit");
        Checks.proportion("prop", prop);
        SplittableRandom random = new SplittableRandom(seed);
        ResolvedStrata resolved = RandomSplits.resolve(strata, nRows, random);
        int[][] rows = RandomSplits.proportional("initialSplit", "prop", nRows, resolved, prop, random);
        String arguments = "prop=" + prop + ";seed=" + seed + ";strata=" + RandomSplits.strataArgument(strata);
        return new InitialSplit(nRows, prop, rows[0], rows[1], arguments);
    }

    /**
     * Splits {@code nRows} rows three ways: {@code floor(nRows * trainProp)} training rows, then
     * validation rows drawn from the rest in proportion {@code validationProp / (1 - trainProp)},
     * and the testing rest (rsample's {@code initial_validation_split(prop = c(0.6, 0.2))}).
     */
    public static InitialValidationSplit initialValidationSplit(int nRows, double trainProp, double validationProp,
            long seed) {
        return initialValidationSplit(nRows, null, trainProp, validationProp, seed);
    }

    /** A stratified three-way split; both draws are made within the strata. */
    public static InitialValidationSplit initialValidationSplit(Strata strata, double trainProp,
            double validationProp, long seed) {
        Checks.notNull(strata, "strata");
        return initialValidationSplit(strata.nRows(), strata, trainProp, validationProp, seed);
    }

    private static InitialValidationSplit initialValidationSplit(int nRows, Strata strata, double trainProp,
            double validationProp, long seed) {
        Checks.rows(nRows, 3, "initialValidationSplit");
        Checks.proportion("trainProp", trainProp);
        Checks.proportion("validationProp", validationProp);
        if (!(trainProp + validationProp < 1.0)) {
            throw new IllegalArgumentException("trainProp + validationProp = " + (trainProp + validationProp)
                    + " is not below 1; leave a share of rows for testing, e.g. 0.6 and 0.2");
        }
        SplittableRandom random = new SplittableRandom(seed);
        ResolvedStrata resolved = RandomSplits.resolve(strata, nRows, random);
        String method = "initialValidationSplit";
        int[] training = RandomSplits.proportional(method, "trainProp", nRows, resolved, trainProp, random)[0];
        boolean[] rest = new boolean[nRows];
        for (int row : RowSampler.complement(training, nRows)) {
            rest[row] = true;
        }
        double share = validationProp / (1.0 - trainProp);
        int[] validation = RandomSplits.sample(resolved.restrictTo(rest), share, random);
        int[] testing = RowSampler.complement(concat(training, validation), nRows);
        if (validation.length == 0 || testing.length == 0) {
            throw new IllegalArgumentException(method + ": trainProp = " + trainProp + " and validationProp = "
                    + validationProp + " with " + nRows + " rows leave the "
                    + (validation.length == 0 ? "validation" : "testing") + " set empty; "
                    + (validation.length == 0 ? "raise validationProp" : "lower trainProp or validationProp")
                    + " or use more rows");
        }
        String arguments = "trainProp=" + trainProp + ";validationProp=" + validationProp + ";seed=" + seed
                + ";strata=" + RandomSplits.strataArgument(strata);
        return new InitialValidationSplit(nRows, trainProp, validationProp, training, validation, testing, arguments);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The tuning resample set of a three-way split; see {@link InitialValidationSplit#validationSet()}. */
    public static Resamples validationSet(InitialValidationSplit split) {
        return Checks.notNull(split, "split").validationSet();
    }

    /**
     * Group v-fold cross-validation: all rows of a group are assessed together. Ids
     * {@code Resample01..}. Pass {@code v} = the number of groups for leave-one-group-out.
     *
     * @param groups one group id per row
     * @throws IllegalArgumentException if {@code v} is below 2 or above the number of groups
     */
    public static Resamples groupVfoldCv(int[] groups, int v, GroupBalance balance, long seed) {
        Checks.notNull(groups, "groups");
        Object[] boxed = new Object[groups.length];
        for (int row = 0; row < groups.length; row++) {
            boxed[row] = groups[row];
        }
        return groupVfoldCv(boxed, v, balance, seed);
    }

    /** Group v-fold cross-validation with string group ids; a null id is an error. */
    public static Resamples groupVfoldCv(String[] groups, int v, GroupBalance balance, long seed) {
        Checks.notNull(groups, "groups");
        return groupVfoldCv((Object[]) groups, v, balance, seed);
    }

    private static Resamples groupVfoldCv(Object[] groups, int v, GroupBalance balance, long seed) {
        Checks.notNull(balance, "balance");
        Checks.rows(groups.length, 2, "groupVfoldCv");
        int[] codes = GroupFolds.codes(groups);
        String fingerprint = Fingerprint.start("tune4j.groups.v1").add(codes).hex();
        return GroupFolds.build(codes, v, balance, seed, fingerprint);
    }

    /**
     * Leave-one-out cross-validation: one split per row, assessing that row. Ids {@code Resample1..}. Tuning
     * refuses it, as tune does (one-row assessment sets leave most metrics undefined).
     */
    public static Resamples looCv(int nRows) {
        Checks.rows(nRows, 2, "looCv");
        List<Split> splits = new ArrayList<>(nRows);
        for (int row = 0; row < nRows; row++) {
            int[] analysis = new int[nRows - 1];
            for (int i = 0, at = 0; i < nRows; i++) {
                if (i != row) {
                    analysis[at++] = i;
                }
            }
            splits.add(Split.create("Resample" + (row + 1), null, nRows, analysis, new int[] {row}));
        }
        return Resamples.of(LOO_CV_METHOD, "Leave-one-out cross-validation", nRows, splits, "nRows=" + nRows);
    }

    /**
     * One split, {@code Apparent}, whose analysis and assessment sets are both every row. Its metrics are kept per
     * resample but left out of tuning summaries, as tune does.
     */
    public static Resamples apparent(int nRows) {
        Checks.rows(nRows, 1, "apparent");
        Split split = Split.create(APPARENT_ID, null, nRows, RowSampler.range(nRows), RowSampler.range(nRows));
        return Resamples.of("apparent", "Apparent sampling", nRows, List.of(split), "nRows=" + nRows);
    }
}
