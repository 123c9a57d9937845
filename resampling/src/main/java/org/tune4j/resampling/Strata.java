package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The stratification variable of a resampling call: one class label or numeric outcome per row.
 *
 * <p>Resolution follows rsample's {@code make_strata}. Class labels whose share of rows is below
 * {@link #pool()} (default 0.1) are merged into the other strata: each such class goes, as a
 * whole, to one randomly chosen remaining stratum (rsample scatters its rows one by one; keeping
 * the class together lets balanced v-fold spread it evenly too). Missing labels (null strings,
 * NaN outcomes) go to random strata row by row. A numeric outcome with more than 5 distinct
 * values is cut at its quantiles into {@link #breaks()} bins (default 4), fewer when the bins
 * would hold under 20 rows each (rsample's {@code depth}); one with at most 5 distinct values
 * is treated as class labels.
 *
 * <p>Immutable and thread-safe; the setters return new instances.
 *
 * <pre>{@code
 * Strata byLabel = Strata.of(labels);                       // int[] or String[]
 * Strata byPrice = Strata.numeric(prices).breaks(10);       // quantile bins
 * Strata keepSmall = Strata.of(labels).pool(0.0);           // never merge classes
 * }</pre>
 */
public final class Strata {

    /** rsample's {@code depth}: quantile bins must hold at least this many rows. */
    static final int DEPTH = 20;
    /** rsample's {@code nunique}: numeric outcomes with at most this many values are classes. */
    static final int NUNIQUE = 5;

    private final int[] codes;
    private final List<String> levels;
    private final double[] outcome;
    private final int breaks;
    private final double pool;

    private Strata(int[] codes, List<String> levels, double[] outcome, int breaks, double pool) {
        this.codes = codes;
        this.levels = levels;
        this.outcome = outcome;
        this.breaks = breaks;
        this.pool = pool;
    }

    /** Strata from integer class labels, one per row. */
    public static Strata of(int[] classes) {
        Checks.notNull(classes, "strata");
        checkNotEmpty(classes.length);
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int value : classes) {
            distinct.add(value);
        }
        List<String> levels = new ArrayList<>();
        Map<Integer, Integer> index = new HashMap<>();
        for (int value : distinct) {
            index.put(value, levels.size());
            levels.add(Integer.toString(value));
        }
        int[] codes = new int[classes.length];
        for (int row = 0; row < classes.length; row++) {
            codes[row] = index.get(classes[row]);
        }
        return new Strata(codes, List.copyOf(levels), null, 4, 0.1);
    }

    /** Strata from class labels, one per row; a null label is missing and goes to a random stratum. */
    public static Strata of(String[] classes) {
        Checks.notNull(classes, "strata");
        checkNotEmpty(classes.length);
        TreeSet<String> distinct = new TreeSet<>();
        for (String value : classes) {
            if (value != null) {
                distinct.add(value);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("strata: all " + classes.length
                    + " labels are null; give class labels or drop strata");
        }
        List<String> levels = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int[] codes = new int[classes.length];
        for (int row = 0; row < classes.length; row++) {
            codes[row] = classes[row] == null ? -1 : index.get(classes[row]);
        }
        return new Strata(codes, levels, null, 4, 0.1);
    }

    /** Strata from a numeric outcome, binned at its quantiles; NaN is missing. */
    public static Strata numeric(double[] outcome) {
        Checks.notNull(outcome, "strata");
        checkNotEmpty(outcome.length);
        boolean anyValue = false;
        for (int row = 0; row < outcome.length; row++) {
            if (Double.isInfinite(outcome[row])) {
                throw new IllegalArgumentException("strata: outcome[" + row + "] = " + outcome[row]
                        + " is not finite; give finite values (NaN marks a missing value)");
            }
            anyValue |= !Double.isNaN(outcome[row]);
        }
        if (!anyValue) {
            throw new IllegalArgumentException("strata: all " + outcome.length
                    + " outcome values are NaN; give values or drop strata");
        }
        return new Strata(null, null, outcome.clone(), 4, 0.1);
    }

    private static void checkNotEmpty(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("strata is empty; give one label or value per row");
        }
    }

    /** A copy with this number of quantile bins for a numeric outcome (rsample's {@code breaks}). */
    public Strata breaks(int breaks) {
        return new Strata(codes, levels, outcome, checkBreaks(breaks), pool);
    }

    static int checkBreaks(int breaks) {
        if (breaks < 2) {
            throw new IllegalArgumentException("breaks = " + breaks
                    + " is too small; a numeric outcome needs at least 2 quantile bins (default 4)");
        }
        return breaks;
    }

    static double checkPool(double pool) {
        if (!(pool >= 0.0 && pool < 1.0)) {
            throw new IllegalArgumentException("pool = " + pool
                    + " is outside [0, 1); give the share of rows below which a class is merged (default 0.1)");
        }
        return pool;
    }

    /** A copy that merges classes below this share of rows into other strata (rsample's {@code pool}). */
    public Strata pool(double pool) {
        return new Strata(codes, levels, outcome, breaks, checkPool(pool));
    }

    /** The number of rows (labels or values). */
    public int nRows() {
        return codes != null ? codes.length : outcome.length;
    }

    /** The number of quantile bins asked for a numeric outcome. */
    public int breaks() {
        return breaks;
    }

    /** The share of rows below which a class is merged into other strata. */
    public double pool() {
        return pool;
    }

    /** SHA-256 hex of the labels or values and the settings. */
    String fingerprint() {
        Fingerprint hash = Fingerprint.start("tune4j.strata.v1").add(breaks).add(Double.toString(pool));
        if (codes != null) {
            hash.add("classes").add(String.join("\u0000", levels)).add(codes);
        } else {
            int[] bits = new int[outcome.length * 2];
            for (int i = 0; i < outcome.length; i++) {
                long value = Double.doubleToLongBits(outcome[i]);
                bits[2 * i] = (int) (value >>> 32);
                bits[2 * i + 1] = (int) value;
            }
            hash.add("numeric").add(bits);
        }
        return hash.hex();
    }

    /** Resolves to strata of rows: bins, pooling and missing values, drawing from {@code random}. */
    ResolvedStrata resolve(SplittableRandom random) {
        if (codes != null) {
            return pooled(codes, levels, random);
        }
        double[] distinct = Arrays.stream(outcome).filter(x -> !Double.isNaN(x)).distinct().sorted().toArray();
        if (distinct.length <= NUNIQUE) {
            int[] valueCodes = new int[outcome.length];
            List<String> valueLevels = new ArrayList<>();
            for (double value : distinct) {
                valueLevels.add(QuantileBins.format(value));
            }
            for (int row = 0; row < outcome.length; row++) {
                valueCodes[row] = Double.isNaN(outcome[row]) ? -1 : Arrays.binarySearch(distinct, outcome[row]);
            }
            return pooled(valueCodes, valueLevels, random);
        }
        QuantileBins bins = QuantileBins.of(outcome, breaks, DEPTH);
        return ResolvedStrata.fromCodes(bins.codes(), bins.labels(), random);
    }

    private ResolvedStrata pooled(int[] classCodes, List<String> classLevels, SplittableRandom random) {
        int n = classCodes.length;
        int[] counts = new int[classLevels.size()];
        for (int code : classCodes) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        List<Integer> kept = new ArrayList<>();
        List<Integer> merged = new ArrayList<>();
        for (int level = 0; level < counts.length; level++) {
            if (counts[level] == 0) {
                continue;
            }
            ((double) counts[level] / n < pool ? merged : kept).add(level);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("strata: every class holds less than pool = " + pool
                    + " of the " + n + " rows, so nothing is left to stratify; lower pool or drop strata");
        }
        int[] target = new int[classLevels.size()];
        for (int level : kept) {
            target[level] = level;
        }
        for (int level : merged) {
            target[level] = kept.get(random.nextInt(kept.size()));
        }
        return ResolvedStrata.fromClasses(classCodes, classLevels, kept, target, random);
    }
}
