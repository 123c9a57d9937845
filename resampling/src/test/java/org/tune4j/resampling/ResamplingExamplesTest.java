package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Ids, titles and printing, checked against rsample's output. */
class ResamplingExamplesTest {

    private static int[] labels2000() {
        int[] labels = new int[2000];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = row % 10;
        }
        return labels;
    }

    @Test
    void fiveFoldsAreFold1ToFold5() {
        Resamples folds = Resampling.vfoldCv(100, 5).seed(1).build();
        assertEquals(List.of("Fold1", "Fold2", "Fold3", "Fold4", "Fold5"), folds.ids());
        assertTrue(folds.splits().stream().allMatch(s -> s.id2().isEmpty()));
    }

    @Test
    void tenFoldsAreZeroPadded() {
        Resamples folds = Resampling.vfoldCv(100, 10).seed(1).build();
        assertEquals("Fold01", folds.get(0).id());
        assertEquals("Fold10", folds.get(9).id());
    }

    @Test
    void repeatsPutTheRepeatInIdAndTheFoldInId2() {
        Resamples folds = Resampling.vfoldCv(100, 3).repeats(2).seed(1).build();
        List<String> pairs = folds.splits().stream().map(s -> s.id() + "/" + s.id2().orElseThrow())
                .collect(Collectors.toList());
        assertEquals(List.of("Repeat1/Fold1", "Repeat1/Fold2", "Repeat1/Fold3", "Repeat2/Fold1", "Repeat2/Fold2",
                "Repeat2/Fold3"), pairs);
        assertTrue(folds.find("Repeat2", "Fold3").isPresent());
        assertFalse(folds.find("Repeat2").isPresent());
        Resamples ten = Resampling.vfoldCv(100, 2).repeats(10).seed(1).build();
        assertEquals("Repeat01", ten.get(0).id());
        assertEquals("Repeat10", ten.get(19).id());
    }

    @Test
    void otherMethodsUseRsampleIds() {
        assertEquals("Bootstrap01", Resampling.bootstraps(50, 25, 1).get(0).id());
        assertEquals("Bootstrap25", Resampling.bootstraps(50, 25, 1).get(24).id());
        assertEquals("Resample1", Resampling.mcCv(50, 0.75, 3, 1).get(0).id());
        assertEquals("Resample01", Resampling.mcCv(50, 0.75, 25, 1).get(0).id());
        assertEquals("Resample01", Resampling.groupVfoldCv(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9,
            9, 10, 10}, 10, GroupBalance.GROUPS, 1).get(0).id());
        Resamples loo = Resampling.looCv(12);
        assertEquals("Resample1", loo.get(0).id());
        assertEquals("Resample12", loo.get(11).id());
        assertEquals(List.of("Apparent"), Resampling.apparent(5).ids());
        assertEquals(List.of("validation"), Resampling.initialValidationSplit(100, 0.6, 0.2, 1).validationSet().ids());
    }

    @Test
    void printsLikeRsample() {
        Resamples folds = Resampling.vfoldCv(Strata.of(labels2000()), 5).seed(42).build();
        String expected = "# 5-fold cross-validation using stratification\n"
                + "<split [1600/400]> Fold1\n"
                + "<split [1600/400]> Fold2\n"
                + "<split [1600/400]> Fold3\n"
                + "<split [1600/400]> Fold4\n"
                + "<split [1600/400]> Fold5\n";
        assertEquals(expected, folds.toString());
        assertEquals("<split [1600/400]> Fold1", folds.get(0).toString());
    }

    @Test
    void printsRepeatsAndAlignsUnequalSizes() {
        Resamples folds = Resampling.vfoldCv(11, 2).repeats(2).seed(42).build();
        String[] lines = folds.toString().split("\n");
        assertEquals("# 2-fold cross-validation repeated 2 times", lines[0]);
        assertEquals(5, lines.length);
        assertTrue(lines[1].matches("<split \\[(5/6|6/5)]> Repeat1 Fold1"), lines[1]);
        assertTrue(lines[4].endsWith(" Repeat2 Fold2"), lines[4]);
        String uneven = Resampling.vfoldCv(105, 11).seed(42).build().toString();
        assertTrue(uneven.contains("<split [96/9]>  Fold"), uneven);
        assertTrue(uneven.contains("<split [95/10]> Fold"), uneven);
    }

    @Test
    void titlesFollowRsample() {
        assertEquals("5-fold cross-validation", Resampling.vfoldCv(100, 5).seed(1).build().title());
        assertEquals("Bootstrap sampling", Resampling.bootstraps(50, 2, 1).title());
        assertEquals("Bootstrap sampling using stratification",
                Resampling.bootstraps(Strata.of(labels2000()), 2, 1).title());
        assertEquals("Monte Carlo cross-validation (0.75/0.25) with 25 resamples",
                Resampling.mcCv(100, 0.75, 25, 1).title());
        assertEquals("Monte Carlo cross-validation (0.67/0.33) with 2 resamples using stratification",
                Resampling.mcCv(Strata.of(labels2000()), 2.0 / 3, 2, 1).title());
        assertEquals("Group 2-fold cross-validation",
                Resampling.groupVfoldCv(new String[] {"a", "b", "a", "c"}, 2, GroupBalance.OBSERVATIONS, 1).title());
        assertEquals("Leave-one-out cross-validation", Resampling.looCv(3).title());
        assertEquals("Apparent sampling", Resampling.apparent(3).title());
        assertEquals("Validation Set (0.75/0.25)",
                Resampling.validationSet(Resampling.initialValidationSplit(100, 0.6, 0.2, 1)).title());
        assertEquals("vfold_cv", Resampling.vfoldCv(100, 5).seed(1).build().method());
    }

    @Test
    void initialSplitsPrintLikeRsample() {
        InitialSplit split = Resampling.initialSplit(2000, 0.75, 1);
        assertEquals("<Training/Testing/Total>\n<1500/500/2000>\n", split.toString());
        InitialValidationSplit three = Resampling.initialValidationSplit(1000, 0.6, 0.2, 1);
        assertEquals("<Training/Validation/Testing/Total>\n<600/200/200/1000>\n", three.toString());
    }

    @Test
    void apparentAssessesEveryRow() {
        Split split = Resampling.apparent(4).get(0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, split.analysis());
        assertArrayEquals(new int[] {0, 1, 2, 3}, split.assessment());
    }

    @Test
    void looAssessesOneRowEach() {
        Resamples loo = Resampling.looCv(4);
        assertArrayEquals(new int[] {2}, loo.get(2).assessment());
        assertArrayEquals(new int[] {0, 1, 3}, loo.get(2).analysis());
    }

    @Test
    void stratifiedInitialSplitKeepsProportions() {
        InitialSplit split = Resampling.initialSplit(Strata.of(labels2000()), 0.8, 3);
        int[] perClass = new int[10];
        for (int row : split.training()) {
            perClass[row % 10]++;
        }
        assertArrayEquals(new int[] {160, 160, 160, 160, 160, 160, 160, 160, 160, 160}, perClass);
        assertEquals(400, split.testing().length);
        assertEquals(split.training().length, split.asSplit().analysisSize());
    }

    @Test
    void observationBalanceEvensOutRowsAcrossFolds() {
        int[] groups = new int[100];
        for (int row = 0; row < 100; row++) {
            groups[row] = row < 40 ? 0 : 1 + (row - 40) / 5;
        }
        Resamples folds = Resampling.groupVfoldCv(groups, 3, GroupBalance.OBSERVATIONS, 5);
        for (Split split : folds) {
            assertTrue(split.assessmentSize() >= 25 && split.assessmentSize() <= 40, split.toString());
        }
    }

    @Test
    void splitsHandOutCopies() {
        Split split = Resampling.vfoldCv(10, 2).seed(1).build().get(0);
        int[] rows = split.assessment();
        int first = rows[0];
        rows[0] = -99;
        assertEquals(first, split.assessment()[0]);
        int[] mine = {3, 1, 2};
        Split custom = Split.of("Mine", null, 5, mine, new int[] {0, 4});
        mine[0] = 0;
        assertArrayEquals(new int[] {1, 2, 3}, custom.analysis());
    }

    @Test
    void resamplesListIsUnmodifiable() {
        Resamples folds = Resampling.vfoldCv(10, 2).seed(1).build();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> folds.splits().remove(0));
    }
}
