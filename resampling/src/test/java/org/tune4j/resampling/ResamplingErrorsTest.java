package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error names the argument, its value and what is allowed. */
class ResamplingErrorsTest {

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void vBelowTwo() {
        assertEquals("v = 1 is too small; v must be at least 2", message(() -> Resampling.vfoldCv(10, 1)));
    }

    @Test
    void vAboveTheRowCount() {
        assertEquals("v = 12 is larger than the number of rows (10); choose v between 2 and 9",
                message(() -> Resampling.vfoldCv(10, 12)));
    }

    @Test
    void vEqualToTheRowCountPointsToLooCv() {
        assertEquals("v = 10 equals the number of rows, which is leave-one-out cross-validation; "
                + "use Resampling.looCv(10) or choose v between 2 and 9", message(() -> Resampling.vfoldCv(10, 10)));
    }

    @Test
    void propOutsideZeroOne() {
        String expected = "prop = 1.5 is outside (0, 1); give the share of rows for the analysis set, e.g. 0.75";
        assertEquals(expected, message(() -> Resampling.mcCv(100, 1.5, 5, 1)));
        assertEquals(expected, message(() -> Resampling.initialSplit(100, 1.5, 1)));
        assertEquals("prop = 0.0 is outside (0, 1); give the share of rows for the analysis set, e.g. 0.75",
                message(() -> Resampling.initialSplit(100, 0.0, 1)));
        assertEquals("prop = NaN is outside (0, 1); give the share of rows for the analysis set, e.g. 0.75",
                message(() -> Resampling.mcCv(100, Double.NaN, 5, 1)));
    }

    @Test
    void threeWayProportions() {
        assertEquals("trainProp + validationProp = 1.1 is not below 1; leave a share of rows for testing, e.g. 0.6 and 0.2",
                message(() -> Resampling.initialValidationSplit(100, 0.7, 0.4, 1)));
        assertEquals("validationProp = 1.0 is outside (0, 1); give the share of rows for the analysis set, e.g. 0.75",
                message(() -> Resampling.initialValidationSplit(100, 0.5, 1.0, 1)));
    }

    @Test
    void stratumWithFewerRowsThanFoldsNamesTheClassAndItsRows() {
        String[] labels = new String[40];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = row < 37 ? "cat" : "dog";
        }
        assertEquals("vfoldCv: stratum \"dog\" has 3 rows, fewer than v = 5 folds; lower v to at most 3, "
                + "raise pool (now 0.0) above its share of rows (0.075) so it is merged into other strata, "
                + "or drop strata", message(() -> Resampling.vfoldCv(40, 5).strata(labels).pool(0.0).seed(1).build()));
    }

    @Test
    void emptyAnalysisSet() {
        assertEquals("mcCv: prop = 0.01 with 50 rows leaves the analysis set empty; raise prop or use more rows",
                message(() -> Resampling.mcCv(50, 0.01, 3, 1)));
        assertEquals("initialSplit: prop = 0.01 with 50 rows leaves the analysis set empty; raise prop or use more rows",
                message(() -> Resampling.initialSplit(50, 0.01, 1)));
        assertEquals("initialValidationSplit: trainProp = 0.5 and validationProp = 0.1 with 4 rows leave the "
                + "validation set empty; raise validationProp or use more rows",
                message(() -> Resampling.initialValidationSplit(4, 0.5, 0.1, 1)));
    }

    @Test
    void emptyAssessmentSet() {
        assertEquals("split Mine has an empty assessment set; use more rows or a smaller proportion for analysis",
                message(() -> Split.of("Mine", null, 3, new int[] {0, 1, 2}, new int[0])));
        int failures = 0;
        for (long seed = 1; seed <= 20; seed++) {
            long s = seed;
            try {
                Resampling.bootstraps(2, 1, s);
            } catch (IllegalArgumentException error) {
                assertEquals("bootstraps: Bootstrap1 with seed = " + s + " has an empty assessment set (every one of "
                        + "the 2 rows was drawn); use more rows or another seed", error.getMessage());
                failures++;
            }
        }
        assertTrue(failures > 0, "a 2-row bootstrap draws both rows half the time; 20 seeds never did");
    }

    @Test
    void missingGroupIds() {
        assertEquals("groupVfoldCv: groups[2] is null; every row needs a group id (group ids are missing)",
                message(() -> Resampling.groupVfoldCv(new String[] {"a", "b", null, "c"}, 2, GroupBalance.GROUPS, 1)));
        assertEquals("groups is null; pass a value",
                message(() -> Resampling.groupVfoldCv((String[]) null, 2, GroupBalance.GROUPS, 1)));
    }

    @Test
    void vAboveTheGroupCount() {
        assertEquals("v = 4 is larger than the number of groups (3); choose v between 2 and 3",
                message(() -> Resampling.groupVfoldCv(new int[] {1, 2, 3, 1}, 4, GroupBalance.GROUPS, 1)));
    }

    @Test
    void strataOfTheWrongLength() {
        assertEquals("strata has 3 rows but nRows = 10; give one value per row",
                message(() -> Resampling.vfoldCv(10, 2).strata(new int[] {1, 2, 3})));
    }

    @Test
    void poolAndBreaksWithoutStrata() {
        assertEquals("vfoldCv: pool = 0.2 was set without strata; call strata(...) too, or drop it",
                message(() -> Resampling.vfoldCv(10, 2).pool(0.2).seed(1).build()));
        assertEquals("vfoldCv: breaks = 5 was set without strata; call strata(...) too, or drop it",
                message(() -> Resampling.vfoldCv(10, 2).breaks(5).seed(1).build()));
    }

    @Test
    void badSettings() {
        assertEquals("repeats = 0 is not allowed; repeats must be at least 1 (1 = no repetition)",
                message(() -> Resampling.vfoldCv(10, 2).repeats(0)));
        assertEquals("times = 0 is not allowed; times must be at least 1", message(() -> Resampling.bootstraps(10, 0, 1)));
        assertEquals("breaks = 1 is too small; a numeric outcome needs at least 2 quantile bins (default 4)",
                message(() -> Strata.numeric(new double[] {1, 2}).breaks(1)));
        assertEquals("pool = 1.0 is outside [0, 1); give the share of rows below which a class is merged (default 0.1)",
                message(() -> Strata.of(new int[] {1}).pool(1.0)));
        assertEquals("looCv: nRows = 1 is too small; it needs at least 2 rows", message(() -> Resampling.looCv(1)));
    }

    @Test
    void strataThatCannotStratify() {
        int[] fifteenClasses = new int[150];
        for (int row = 0; row < 150; row++) {
            fifteenClasses[row] = row % 15;
        }
        assertEquals("strata: every class holds less than pool = 0.1 of the 150 rows, so nothing is left to "
                + "stratify; lower pool or drop strata",
                message(() -> Resampling.vfoldCv(Strata.of(fifteenClasses), 5).seed(1).build()));
        double[] thirty = new double[30];
        for (int row = 0; row < 30; row++) {
            thirty[row] = row;
        }
        assertEquals("strata: a numeric outcome of 30 rows gives 1 quantile bin(s) of at least 20 rows; stratifying "
                + "needs at least 40 rows, so drop strata or pass class labels",
                message(() -> Resampling.mcCv(Strata.numeric(thirty), 0.5, 1, 1)));
        assertEquals("strata: outcome[1] = Infinity is not finite; give finite values (NaN marks a missing value)",
                message(() -> Strata.numeric(new double[] {1, Double.POSITIVE_INFINITY})));
        assertEquals("strata: all 2 labels are null; give class labels or drop strata",
                message(() -> Strata.of(new String[] {null, null})));
    }

    @Test
    void outOfRangeRowsInACustomSplit() {
        assertEquals("assessment row 7 is outside [0, 5); rows are 0-based indices below nRows",
                message(() -> Split.of("Mine", null, 5, new int[] {0, 1}, new int[] {7})));
        assertEquals("id = \"\" is blank; give the split an id such as Fold1",
                message(() -> Split.of("", null, 5, new int[] {0, 1}, new int[] {2})));
    }

    @Test
    void missingSeedIsAStateError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Resampling.vfoldCv(10, 2).build());
        assertEquals("vfoldCv: seed not set; call seed(long) before build() so the folds can be drawn again",
                error.getMessage());
    }
}
