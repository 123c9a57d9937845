package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** make_strata semantics: pooling, quantile bins, missing values. */
class StrataTest {

    private static final double TOLERANCE = 1e-12;

    private static List<Integer> sizes(ResolvedStrata resolved) {
        return resolved.strata().stream().map(ResolvedStrata.Stratum::size).collect(Collectors.toList());
    }

    @Test
    void classesBelowPoolAreMergedWhole() {
        // rsample's oilType example: 37, 26, 3, 7, 11, 10, 2 rows of A..G (96 rows); pool 0.1 keeps A, B, E, F.
        String[] labels = new String[96];
        int[] counts = {37, 26, 3, 7, 11, 10, 2};
        int row = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                labels[row++] = String.valueOf((char) ('A' + c));
            }
        }
        ResolvedStrata resolved = Strata.of(labels).resolve(new SplittableRandom(1));
        assertEquals(List.of("A", "B", "E", "F"),
                resolved.strata().stream().map(ResolvedStrata.Stratum::name).collect(Collectors.toList()));
        assertEquals(96, sizes(resolved).stream().mapToInt(Integer::intValue).sum());
        int blocks = resolved.strata().stream().mapToInt(s -> s.blocks().size()).sum();
        assertEquals(7, blocks, "each merged class keeps its own block");
        assertEquals(7, Strata.of(labels).pool(0.0).resolve(new SplittableRandom(1)).strata().size());
    }

    @Test
    void numericOutcomeIsCutAtQuartiles() {
        double[] outcome = new double[1000];
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = random.nextGaussian();
        }
        ResolvedStrata resolved = Strata.numeric(outcome).resolve(new SplittableRandom(1));
        assertEquals(List.of(250, 250, 250, 250), sizes(resolved));
        assertTrue(resolved.strata().get(0).name().startsWith("["), resolved.strata().get(0).name());
        assertTrue(resolved.strata().get(1).name().startsWith("("), resolved.strata().get(1).name());
        assertEquals(List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100),
                sizes(Strata.numeric(outcome).breaks(10).resolve(new SplittableRandom(1))));
    }

    @Test
    void tooFewRowsPerBinLowerTheBreaks() {
        double[] outcome = new double[60];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = i;
        }
        assertEquals(List.of(20, 20, 20), sizes(Strata.numeric(outcome).resolve(new SplittableRandom(1))));
    }

    @Test
    void fewDistinctNumbersAreClasses() {
        double[] outcome = new double[50];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = i % 2 == 0 ? 1.0 : 2.5;
        }
        ResolvedStrata resolved = Strata.numeric(outcome).resolve(new SplittableRandom(1));
        assertEquals(List.of("1", "2.5"),
                resolved.strata().stream().map(ResolvedStrata.Stratum::name).collect(Collectors.toList()));
    }

    @Test
    void missingValuesGoToRandomStrata() {
        String[] labels = new String[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 10 ? null : (i % 2 == 0 ? "a" : "b");
        }
        ResolvedStrata resolved = Strata.of(labels).resolve(new SplittableRandom(3));
        assertEquals(2, resolved.strata().size());
        assertEquals(100, sizes(resolved).stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void quantileType7MatchesR() {
        double[] sorted = {1, 2, 3, 4, 10};
        assertEquals(1.0, QuantileBins.quantile7(sorted, 0.0), TOLERANCE);
        assertEquals(2.0, QuantileBins.quantile7(sorted, 0.25), TOLERANCE);
        assertEquals(3.0, QuantileBins.quantile7(sorted, 0.5), TOLERANCE);
        assertEquals(7.0, QuantileBins.quantile7(sorted, 0.875), TOLERANCE);
        assertEquals(10.0, QuantileBins.quantile7(sorted, 1.0), TOLERANCE);
    }

    @Test
    void numericStrataBalanceFolds() {
        double[] outcome = new double[203];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = Math.sin(i) * 100;
        }
        Resamples folds = Resampling.vfoldCv(203, 5).strata(outcome).breaks(5).seed(9).build();
        assertEquals("5-fold cross-validation using stratification", folds.title());
        Invariants.assertEachRowAssessedOncePerRepeat(folds, 5);
        int[] bins = new int[203];
        List<ResolvedStrata.Stratum> strata = Strata.numeric(outcome).breaks(5).resolve(new SplittableRandom(1)).strata();
        for (int s = 0; s < strata.size(); s++) {
            for (int row : strata.get(s).rows()) {
                bins[row] = s;
            }
        }
        Invariants.assertBalanced(folds.splits(), bins);
    }
}
