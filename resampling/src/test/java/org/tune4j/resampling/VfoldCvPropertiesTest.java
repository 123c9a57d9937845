package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of v-fold cross-validation over random sizes, labels and seeds. */
class VfoldCvPropertiesTest {

    @Property(tries = 300)
    void everyRowIsAssessedExactlyOnceInEachRepeat(@ForAll @IntRange(min = 3, max = 400) int nRows,
            @ForAll @IntRange(min = 2, max = 12) int v, @ForAll @IntRange(min = 1, max = 3) int repeats,
            @ForAll long seed) {
        Assume.that(v < nRows);
        Resamples folds = Resampling.vfoldCv(nRows, v).repeats(repeats).seed(seed).build();
        assertEquals(v * repeats, folds.size());
        Invariants.assertEachRowAssessedOncePerRepeat(folds, v);
        for (Split split : folds) {
            Invariants.assertPartition(split);
        }
    }

    @Property(tries = 300)
    void unstratifiedFoldSizesAreAsPromised(@ForAll @IntRange(min = 3, max = 400) int nRows,
            @ForAll @IntRange(min = 2, max = 12) int v, @ForAll long seed) {
        Assume.that(v < nRows);
        Resamples folds = Resampling.vfoldCv(nRows, v).seed(seed).build();
        for (Split split : folds) {
            int size = split.assessmentSize();
            assertEquals(true, size == nRows / v || size == nRows / v + 1, split + " with n=" + nRows + ", v=" + v);
            assertEquals(nRows - size, split.analysisSize());
        }
    }

    /** Random label vectors with rare classes, under the default pool of 0.1 that merges them. */
    @Property(tries = 300)
    void stratifiedFoldsBalanceEveryClassIncludingRareOnes(@ForAll @IntRange(min = 60, max = 500) int nRows,
            @ForAll @IntRange(min = 2, max = 5) int v, @ForAll @IntRange(min = 1, max = 8) int nClasses,
            @ForAll @IntRange(min = 1, max = 2) int repeats, @ForAll long labelSeed, @ForAll long seed) {
        int[] labels = skewedLabels(nRows, nClasses, new SplittableRandom(labelSeed));
        Resamples folds;
        try {
            folds = Resampling.vfoldCv(Strata.of(labels), v).repeats(repeats).seed(seed).build();
        } catch (IllegalArgumentException tooFewToStratify) {
            Assume.that(false);
            return;
        }
        Invariants.assertEachRowAssessedOncePerRepeat(folds, v);
        for (int r = 0; r < repeats; r++) {
            Invariants.assertBalanced(folds.splits().subList(r * v, (r + 1) * v), labels);
        }
    }

    /** Two to four classes of 1 to 4 rows next to big ones: merged by the pool, still spread evenly. */
    @Property(tries = 300)
    void tinyClassesAreSpreadOneRowPerFold(@ForAll @IntRange(min = 2, max = 5) int v,
            @ForAll @IntRange(min = 2, max = 4) int nTiny, @ForAll long labelSeed, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(labelSeed);
        List<Integer> rows = new ArrayList<>();
        for (int label = 0; label < 2 + nTiny; label++) {
            int count = label < 2 ? 30 + random.nextInt(60) : 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                rows.add(label);
            }
        }
        RowSampler.shuffle(rows, random);
        int[] labels = rows.stream().mapToInt(Integer::intValue).toArray();
        Resamples folds = Resampling.vfoldCv(Strata.of(labels), v).seed(seed).build();
        Invariants.assertEachRowAssessedOncePerRepeat(folds, v);
        Invariants.assertBalanced(folds.splits(), labels);
    }

    /** With pool = 0 nothing is merged: every class of at least v rows is its own stratum. */
    @Property(tries = 300)
    void stratifiedFoldsBalanceWithoutPooling(@ForAll @IntRange(min = 2, max = 10) int v,
            @ForAll @IntRange(min = 1, max = 10) int nClasses, @ForAll long labelSeed, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(labelSeed);
        List<Integer> rows = new ArrayList<>();
        for (int label = 0; label < nClasses; label++) {
            int count = v + random.nextInt(3 * v);
            for (int i = 0; i < count; i++) {
                rows.add(label);
            }
        }
        RowSampler.shuffle(rows, random);
        int[] labels = rows.stream().mapToInt(Integer::intValue).toArray();
        Assume.that(v < labels.length);
        Resamples folds = Resampling.vfoldCv(Strata.of(labels).pool(0.0), v).seed(seed).build();
        Invariants.assertEachRowAssessedOncePerRepeat(folds, v);
        Invariants.assertBalanced(folds.splits(), labels);
    }

    @Property(tries = 100)
    void aClassSmallerThanVIsAnErrorWhenNotPooled(@ForAll @IntRange(min = 3, max = 10) int v,
            @ForAll @IntRange(min = 1, max = 2) int rareRows, @ForAll long seed) {
        int[] labels = new int[10 * v + rareRows];
        for (int row = 10 * v; row < labels.length; row++) {
            labels[row] = 7;
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Resampling.vfoldCv(Strata.of(labels).pool(0.0), v).seed(seed).build());
        assertEquals(true, error.getMessage().contains("stratum \"7\" has " + rareRows + " rows, fewer than v = " + v),
                error.getMessage());
    }

    /** Labels whose class shares are skewed so that some classes get only a handful of rows. */
    static int[] skewedLabels(int nRows, int nClasses, SplittableRandom random) {
        double[] weights = new double[nClasses];
        double total = 0;
        for (int c = 0; c < nClasses; c++) {
            weights[c] = Math.pow(random.nextDouble(0.01, 1.0), 3);
            total += weights[c];
        }
        int[] labels = new int[nRows];
        for (int row = 0; row < nRows; row++) {
            double u = random.nextDouble(total);
            int c = 0;
            while (c < nClasses - 1 && u >= weights[c]) {
                u -= weights[c];
                c++;
            }
            labels[row] = c;
        }
        return labels;
    }
}
