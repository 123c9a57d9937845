package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of bootstraps, Monte Carlo, initial splits and group folds. */
class RandomSplitsPropertiesTest {

    @Property(tries = 200)
    void bootstrapAssessmentIsExactlyTheOutOfBagRows(@ForAll @IntRange(min = 20, max = 400) int nRows,
            @ForAll @IntRange(min = 1, max = 10) int times, @ForAll long seed) {
        Resamples boots = Resampling.bootstraps(nRows, times, seed);
        assertEquals(times, boots.size());
        for (Split split : boots) {
            assertBootstrap(split);
        }
    }

    @Property(tries = 200)
    void stratifiedBootstrapKeepsStratumSizes(@ForAll @IntRange(min = 60, max = 400) int nRows,
            @ForAll @IntRange(min = 1, max = 4) int nClasses, @ForAll long labelSeed, @ForAll long seed) {
        int[] labels = VfoldCvPropertiesTest.skewedLabels(nRows, nClasses, new SplittableRandom(labelSeed));
        Strata strata = Strata.of(labels).pool(0.0);
        Resamples boots;
        try {
            boots = Resampling.bootstraps(strata, 5, seed);
        } catch (IllegalArgumentException everyRowDrawn) {
            Assume.that(false);
            return;
        }
        int[] expected = counts(RowSampler.range(nRows), labels, nClasses);
        for (Split split : boots) {
            assertBootstrap(split);
            assertArrayEquals(expected, counts(split.analysis(), labels, nClasses));
        }
    }

    private static void assertBootstrap(Split split) {
        int[] analysis = split.analysis();
        assertEquals(split.nRows(), analysis.length);
        Invariants.assertSortedInRange(analysis, split.nRows());
        boolean[] drawn = new boolean[split.nRows()];
        for (int row : analysis) {
            drawn[row] = true;
        }
        int[] outOfBag = java.util.stream.IntStream.range(0, split.nRows()).filter(row -> !drawn[row]).toArray();
        assertArrayEquals(outOfBag, split.assessment(), split.id());
    }

    @Property(tries = 200)
    void monteCarloSizesAreAsPromised(@ForAll @IntRange(min = 4, max = 400) int nRows,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double prop, @ForAll long seed) {
        int analysisRows = (int) Math.floor(nRows * prop);
        Assume.that(analysisRows > 0 && analysisRows < nRows);
        Resamples mc = Resampling.mcCv(nRows, prop, 4, seed);
        for (Split split : mc) {
            Invariants.assertPartition(split);
            assertEquals(analysisRows, split.analysisSize());
        }
    }

    @Property(tries = 200)
    void stratifiedMonteCarloTakesTheShareOfEachStratum(@ForAll @IntRange(min = 100, max = 400) int nRows,
            @ForAll @IntRange(min = 1, max = 4) int nClasses, @ForAll @DoubleRange(min = 0.3, max = 0.9) double prop,
            @ForAll long labelSeed, @ForAll long seed) {
        int[] labels = VfoldCvPropertiesTest.skewedLabels(nRows, nClasses, new SplittableRandom(labelSeed));
        Resamples mc = Resampling.mcCv(Strata.of(labels).pool(0.0), prop, 3, seed);
        int[] all = counts(RowSampler.range(nRows), labels, nClasses);
        for (Split split : mc) {
            Invariants.assertPartition(split);
            int[] analysis = counts(split.analysis(), labels, nClasses);
            for (int c = 0; c < nClasses; c++) {
                assertEquals((int) Math.floor(all[c] * prop), analysis[c], "class " + c);
            }
        }
    }

    @Property(tries = 200)
    void initialValidationSplitIsAThreeWayPartition(@ForAll @IntRange(min = 20, max = 400) int nRows,
            @ForAll @DoubleRange(min = 0.2, max = 0.7) double trainProp,
            @ForAll @DoubleRange(min = 0.1, max = 0.25) double validationProp, @ForAll long seed) {
        InitialValidationSplit three = Resampling.initialValidationSplit(nRows, trainProp, validationProp, seed);
        int[] all = new int[nRows];
        for (int[] part : new int[][] {three.training(), three.validation(), three.testing()}) {
            Invariants.assertSortedInRange(part, nRows);
            for (int row : part) {
                all[row]++;
            }
        }
        assertTrue(Arrays.stream(all).allMatch(times -> times == 1), "rows not covered exactly once");
        assertEquals((int) Math.floor(nRows * trainProp), three.training().length);
        Split validation = three.validationSet().get(0);
        assertArrayEquals(three.training(), validation.analysis());
        assertArrayEquals(three.validation(), validation.assessment());
    }

    @Property(tries = 200)
    void groupFoldsKeepGroupsTogether(@ForAll @IntRange(min = 2, max = 300) int nRows,
            @ForAll @IntRange(min = 2, max = 40) int nGroups, @ForAll @IntRange(min = 2, max = 10) int v,
            @ForAll boolean byObservations, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] groups = new int[nRows];
        for (int row = 0; row < nRows; row++) {
            groups[row] = 100 + random.nextInt(nGroups);
        }
        int distinct = (int) Arrays.stream(groups).distinct().count();
        Assume.that(v <= distinct);
        GroupBalance balance = byObservations ? GroupBalance.OBSERVATIONS : GroupBalance.GROUPS;
        Resamples folds = Resampling.groupVfoldCv(groups, v, balance, seed);
        Invariants.assertEachRowAssessedOncePerRepeat(folds, v);
        int minGroups = Integer.MAX_VALUE;
        int maxGroups = 0;
        for (Split split : folds) {
            Invariants.assertPartition(split);
            int[] inAssessment = Arrays.stream(split.assessment()).map(row -> groups[row]).distinct().toArray();
            for (int row : split.analysis()) {
                for (int group : inAssessment) {
                    assertTrue(groups[row] != group, "group " + group + " is on both sides of " + split.id());
                }
            }
            minGroups = Math.min(minGroups, inAssessment.length);
            maxGroups = Math.max(maxGroups, inAssessment.length);
        }
        if (balance == GroupBalance.GROUPS) {
            assertTrue(maxGroups - minGroups <= 1, "groups per fold range from " + minGroups + " to " + maxGroups);
        }
    }

    private static int[] counts(int[] rows, int[] labels, int nClasses) {
        int[] counts = new int[nClasses];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        return counts;
    }
}
