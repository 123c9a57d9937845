package org.tune4j.resampling;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Shuffles and samples of row indices, drawing only from the generator passed in. */
final class RowSampler {

    private RowSampler() {
    }

    static int[] range(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    static <T> void shuffle(List<T> values, SplittableRandom random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            values.set(i, values.set(j, values.get(i)));
        }
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] values = range(n);
        shuffle(values, random);
        return values;
    }

    /** {@code k} distinct rows of {@code rows}, chosen uniformly. */
    static int[] withoutReplacement(int[] rows, int k, SplittableRandom random) {
        int[] copy = rows.clone();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(copy.length - i);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return Arrays.copyOf(copy, k);
    }

    /** {@code k} rows of {@code rows}, drawn with replacement. */
    static int[] withReplacement(int[] rows, int k, SplittableRandom random) {
        int[] drawn = new int[k];
        for (int i = 0; i < k; i++) {
            drawn[i] = rows[random.nextInt(rows.length)];
        }
        return drawn;
    }

    /** The sorted rows of {@code [0, n)} that do not occur in {@code rows}. */
    static int[] complement(int[] rows, int n) {
        boolean[] present = new boolean[n];
        int distinct = 0;
        for (int row : rows) {
            if (!present[row]) {
                present[row] = true;
                distinct++;
            }
        }
        int[] out = new int[n - distinct];
        int at = 0;
        for (int row = 0; row < n; row++) {
            if (!present[row]) {
                out[at++] = row;
            }
        }
        return out;
    }

    static int[] sorted(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }
}
