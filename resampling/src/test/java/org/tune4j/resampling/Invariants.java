package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/** Assertions shared by the resampling tests. */
final class Invariants {

    private Invariants() {
    }

    /** Analysis and assessment are sorted, in range, disjoint and together cover every row. */
    static void assertPartition(Split split) {
        int[] analysis = split.analysis();
        int[] assessment = split.assessment();
        assertSortedInRange(analysis, split.nRows());
        assertSortedInRange(assessment, split.nRows());
        assertEquals(split.nRows(), analysis.length + assessment.length, split + ": sizes do not add up");
        int[] union = Arrays.copyOf(analysis, split.nRows());
        System.arraycopy(assessment, 0, union, analysis.length, assessment.length);
        Arrays.sort(union);
        assertArrayEquals(RowSampler.range(split.nRows()), union, split + ": not a partition of the rows");
    }

    static void assertSortedInRange(int[] rows, int nRows) {
        for (int i = 0; i < rows.length; i++) {
            assertTrue(rows[i] >= 0 && rows[i] < nRows, "row " + rows[i] + " outside [0, " + nRows + ")");
            if (i > 0) {
                assertTrue(rows[i - 1] <= rows[i], "rows not sorted at " + i);
            }
        }
    }

    /** Within each group of {@code v} consecutive splits (one repeat), every row is assessed exactly once. */
    static void assertEachRowAssessedOncePerRepeat(Resamples set, int v) {
        assertEquals(0, set.size() % v);
        for (int start = 0; start < set.size(); start += v) {
            int[] times = new int[set.nRows()];
            for (Split split : set.splits().subList(start, start + v)) {
                for (int row : split.assessment()) {
                    times[row]++;
                }
            }
            for (int row = 0; row < times.length; row++) {
                assertEquals(1, times[row], "row " + row + " assessed " + times[row] + " times in repeat "
                        + (start / v + 1));
            }
        }
    }

    /** Per repeat: fold sizes, and each label's count per fold, differ by at most one. */
    static void assertBalanced(List<Split> oneRepeat, int[] labels) {
        int maxLabel = Arrays.stream(labels).max().orElse(0);
        int minSize = Integer.MAX_VALUE;
        int maxSize = 0;
        int[] minCount = new int[maxLabel + 1];
        int[] maxCount = new int[maxLabel + 1];
        Arrays.fill(minCount, Integer.MAX_VALUE);
        for (Split split : oneRepeat) {
            minSize = Math.min(minSize, split.assessmentSize());
            maxSize = Math.max(maxSize, split.assessmentSize());
            int[] counts = new int[maxLabel + 1];
            for (int row : split.assessment()) {
                counts[labels[row]]++;
            }
            for (int label = 0; label <= maxLabel; label++) {
                minCount[label] = Math.min(minCount[label], counts[label]);
                maxCount[label] = Math.max(maxCount[label], counts[label]);
            }
        }
        assertTrue(maxSize - minSize <= 1, "fold sizes range from " + minSize + " to " + maxSize);
        for (int label = 0; label <= maxLabel; label++) {
            assertTrue(maxCount[label] - minCount[label] <= 1, "class " + label + " counts per fold range from "
                    + minCount[label] + " to " + maxCount[label]);
        }
    }
}
