package org.tune4j.resampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Monte Carlo and bootstrap draws, per stratum as rsample's {@code strat_sample}. */
final class RandomSplits {

    private RandomSplits() {
    }

    static ResolvedStrata resolve(Strata strata, int nRows, SplittableRandom random) {
        return strata == null ? ResolvedStrata.unstratified(nRows) : strata.resolve(random);
    }

    static String strataArgument(Strata strata) {
        return strata == null ? "none" : strata.fingerprint();
    }

    /** {@code floor(size * prop)} rows of each stratum, drawn without replacement, sorted. */
    static int[] sample(ResolvedStrata strata, double prop, SplittableRandom random) {
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        for (ResolvedStrata.Stratum stratum : strata.strata()) {
            int[] drawn = RowSampler.withoutReplacement(stratum.rows(), (int) Math.floor(stratum.size() * prop), random);
            parts.add(drawn);
            total += drawn.length;
        }
        return RowSampler.sorted(concat(parts, total));
    }

    /** {@code size} rows of each stratum, drawn with replacement, sorted. */
    static int[] bootstrap(ResolvedStrata strata, SplittableRandom random) {
        List<int[]> parts = new ArrayList<>();
        for (ResolvedStrata.Stratum stratum : strata.strata()) {
            parts.add(RowSampler.withReplacement(stratum.rows(), stratum.size(), random));
        }
        return RowSampler.sorted(concat(parts, strata.nRows()));
    }

    private static int[] concat(List<int[]> parts, int total) {
        int[] out = new int[total];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Analysis and assessment of a proportional draw, with messages naming {@code method} and {@code prop}. */
    static int[][] proportional(String method, String propName, int nRows, ResolvedStrata strata, double prop,
            SplittableRandom random) {
        int[] analysis = sample(strata, prop, random);
        int[] assessment = RowSampler.complement(analysis, nRows);
        if (analysis.length == 0) {
            throw new IllegalArgumentException(method + ": " + propName + " = " + prop + " with " + nRows
                    + " rows leaves the analysis set empty; raise " + propName + " or use more rows");
        }
        if (assessment.length == 0) {
            throw new IllegalArgumentException(method + ": " + propName + " = " + prop + " with " + nRows
                    + " rows leaves the assessment set empty; lower " + propName + " or use more rows");
        }
        return new int[][] {analysis, assessment};
    }

    static Resamples mcCv(int nRows, Strata strata, double prop, int times, long seed) {
        Checks.rows(nRows, 2, "mcCv");
        Checks.proportion("prop", prop);
        Checks.times(times);
        SplittableRandom random = new SplittableRandom(seed);
        ResolvedStrata resolved = resolve(strata, nRows, random);
        List<String> ids = SplitIds.names0(times, "Resample");
        List<Split> splits = new ArrayList<>(times);
        for (int t = 0; t < times; t++) {
            int[][] rows = proportional("mcCv", "prop", nRows, resolved, prop, random);
            splits.add(Split.create(ids.get(t), null, nRows, rows[0], rows[1]));
        }
        String title = "Monte Carlo cross-validation (" + signif2(prop) + "/" + signif2(1 - prop) + ") with "
                + times + " resamples" + (strata != null ? " using stratification" : "");
        String arguments = "prop=" + prop + ";times=" + times + ";seed=" + seed + ";strata=" + strataArgument(strata);
        return Resamples.of("mc_cv", title, nRows, splits, arguments);
    }

    static Resamples bootstraps(int nRows, Strata strata, int times, long seed) {
        Checks.rows(nRows, 2, "bootstraps");
        Checks.times(times);
        SplittableRandom random = new SplittableRandom(seed);
        ResolvedStrata resolved = resolve(strata, nRows, random);
        List<String> ids = SplitIds.names0(times, "Bootstrap");
        List<Split> splits = new ArrayList<>(times);
        for (int t = 0; t < times; t++) {
            int[] analysis = bootstrap(resolved, random);
            int[] outOfBag = RowSampler.complement(analysis, nRows);
            if (outOfBag.length == 0) {
                throw new IllegalArgumentException("bootstraps: " + ids.get(t) + " with seed = " + seed
                        + " has an empty assessment set (every one of the " + nRows
                        + " rows was drawn); use more rows or another seed");
            }
            splits.add(Split.create(ids.get(t), null, nRows, analysis, outOfBag));
        }
        String title = "Bootstrap sampling" + (strata != null ? " using stratification" : "");
        String arguments = "times=" + times + ";seed=" + seed + ";strata=" + strataArgument(strata);
        return Resamples.of("bootstraps", title, nRows, splits, arguments);
    }

    /** R's {@code signif(x, 2)} as text: 0.75, 0.33, 0.8. */
    static String signif2(double value) {
        return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
