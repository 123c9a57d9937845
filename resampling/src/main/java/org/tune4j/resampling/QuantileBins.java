package org.tune4j.resampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A numeric outcome cut at its quantiles, as R's {@code cut(x, unique(quantile(x)), include.lowest = TRUE)}. */
final class QuantileBins {

    private final int[] codes;
    private final List<String> labels;

    private QuantileBins(int[] codes, List<String> labels) {
        this.codes = codes;
        this.labels = labels;
    }

    /**
     * Bins {@code x} (NaN = missing, code -1) into at most {@code breaks} quantile bins, fewer when
     * bins would hold fewer than {@code depth} rows.
     */
    static QuantileBins of(double[] x, int breaks, int depth) {
        int n = x.length;
        int bins = Math.min(breaks, n / depth);
        if (bins < 2) {
            throw new IllegalArgumentException("strata: a numeric outcome of " + n + " rows gives " + bins
                    + " quantile bin(s) of at least " + depth + " rows; stratifying needs at least "
                    + (2 * depth) + " rows, so drop strata or pass class labels");
        }
        double[] sorted = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] cuts = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            cuts[i] = quantile7(sorted, (double) i / bins);
        }
        cuts = Arrays.stream(cuts).distinct().toArray();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < cuts.length; i++) {
            labels.add((i == 1 ? "[" : "(") + signif3(cuts[i - 1]) + "," + signif3(cuts[i]) + "]");
        }
        int[] codes = new int[n];
        for (int row = 0; row < n; row++) {
            codes[row] = Double.isNaN(x[row]) ? -1 : bin(cuts, x[row]);
        }
        return new QuantileBins(codes, List.copyOf(labels));
    }

    /** R's default (type 7) quantile of sorted values. */
    static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static int bin(double[] cuts, double value) {
        for (int i = 1; i < cuts.length; i++) {
            if (value <= cuts[i]) {
                return i - 1;
            }
        }
        return cuts.length - 2;
    }

    static String signif3(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A class label for a numeric value: {@code 3} for 3.0, {@code 2.5} for 2.5. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    int[] codes() {
        return codes;
    }

    List<String> labels() {
        return labels;
    }
}
