package org.tune4j.resampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Same seed, same splits (on any thread); fingerprints stable and sensitive. */
class ReproducibilityTest {

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int row = 0; row < n; row++) {
            labels[row] = (row * 7) % 3;
        }
        return labels;
    }

    private static List<Supplier<Object>> everyRandomVerb(long seed) {
        Strata strata = Strata.of(labels(300));
        return List.of(
            () -> Resampling.vfoldCv(300, 5).seed(seed).build(),
            () -> Resampling.vfoldCv(strata, 5).repeats(2).seed(seed).build(),
            () -> Resampling.bootstraps(300, 5, seed),
            () -> Resampling.bootstraps(strata, 5, seed),
            () -> Resampling.mcCv(300, 0.75, 5, seed),
            () -> Resampling.mcCv(strata, 0.75, 5, seed),
            () -> Resampling.initialSplit(strata, 0.75, seed),
            () -> Resampling.initialValidationSplit(strata, 0.6, 0.2, seed),
            () -> Resampling.groupVfoldCv(labelsAsGroups(), 5, GroupBalance.GROUPS, seed),
            () -> Resampling.groupVfoldCv(labelsAsGroups(), 5, GroupBalance.OBSERVATIONS, seed));
    }

    private static int[] labelsAsGroups() {
        int[] groups = new int[300];
        for (int row = 0; row < 300; row++) {
            groups[row] = row % 23;
        }
        return groups;
    }

    @Test
    void sameSeedGivesSameSplits() {
        List<Supplier<Object>> first = everyRandomVerb(42);
        List<Supplier<Object>> second = everyRandomVerb(42);
        for (int i = 0; i < first.size(); i++) {
            Object a = first.get(i).get();
            Object b = second.get(i).get();
            assertEquals(a, b, "verb " + i);
            if (a instanceof Resamples) {
                Resamples ra = (Resamples) a;
                Resamples rb = (Resamples) b;
                for (int s = 0; s < ra.size(); s++) {
                    assertArrayEquals(ra.get(s).analysis(), rb.get(s).analysis());
                    assertArrayEquals(ra.get(s).assessment(), rb.get(s).assessment());
                }
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        List<Supplier<Object>> a = everyRandomVerb(42);
        List<Supplier<Object>> b = everyRandomVerb(43);
        for (int i = 0; i < a.size(); i++) {
            assertNotEquals(fingerprint(a.get(i).get()), fingerprint(b.get(i).get()), "verb " + i);
        }
        Resamples x = Resampling.vfoldCv(300, 5).seed(1).build();
        Resamples y = Resampling.vfoldCv(300, 5).seed(2).build();
        assertTrue(!java.util.Arrays.equals(x.get(0).assessment(), y.get(0).assessment()));
    }

    @Test
    void sameSplitsOnAnyThreadCount() throws Exception {
        String expected = Resampling.vfoldCv(Strata.of(labels(300)), 5).repeats(3).seed(7).build().fingerprint();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(
                    () -> Resampling.vfoldCv(Strata.of(labels(300)), 5).repeats(3).seed(7).build().fingerprint()));
            }
            for (Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Golden fingerprints: they change only if the sampling algorithm or the hash layout changes.
     * If such a change is intended, rerun this test and paste the new values from the failure.
     */
    @Test
    void fingerprintsAreStableAcrossRuns() {
        assertEquals(GOLDEN_VFOLD, Resampling.vfoldCv(Strata.of(labels(300)), 5).seed(42).build().fingerprint());
        assertEquals(GOLDEN_SPLIT, Split.of("Fold1", null, 4, new int[] {0, 1}, new int[] {2, 3}).fingerprint());
    }

    private static final String GOLDEN_VFOLD = "0972c30ae652f6b951ba888460b939dd1cf17367e32325683e869d636db70989";
    private static final String GOLDEN_SPLIT = "e28c747f3c312cdb89bbc1393fc8835e4c0c4adc5c1d525c63ea668228b06794";

    @Test
    void fingerprintsAreSensitiveToEveryArgument() {
        int[] labels = labels(300);
        Set<String> prints = new HashSet<>();
        prints.add(Resampling.vfoldCv(300, 5).seed(42).build().fingerprint());
        prints.add(Resampling.vfoldCv(300, 5).seed(43).build().fingerprint());
        prints.add(Resampling.vfoldCv(300, 6).seed(42).build().fingerprint());
        prints.add(Resampling.vfoldCv(301, 5).seed(42).build().fingerprint());
        prints.add(Resampling.vfoldCv(300, 5).repeats(2).seed(42).build().fingerprint());
        prints.add(Resampling.vfoldCv(300, 5).strata(labels).seed(42).build().fingerprint());
        labels[0] = 2;
        prints.add(Resampling.vfoldCv(300, 5).strata(labels).seed(42).build().fingerprint());
        prints.add(Resampling.vfoldCv(300, 5).strata(labels).pool(0.2).seed(42).build().fingerprint());
        prints.add(Resampling.mcCv(300, 0.8, 5, 42).fingerprint());
        prints.add(Resampling.mcCv(300, 0.7, 5, 42).fingerprint());
        assertEquals(10, prints.size());
    }

    @Test
    void splitFingerprintsDependOnRowsOnly() {
        Split a = Split.of("Fold1", null, 5, new int[] {0, 1, 2}, new int[] {3, 4});
        Split sameRows = Split.of("Fold2", null, 5, new int[] {2, 1, 0}, new int[] {4, 3});
        Split otherRows = Split.of("Fold1", null, 5, new int[] {0, 1, 3}, new int[] {2, 4});
        Split otherTotal = Split.of("Fold1", null, 6, new int[] {0, 1, 2}, new int[] {3, 4});
        assertEquals(a.fingerprint(), sameRows.fingerprint());
        assertNotEquals(a.fingerprint(), otherRows.fingerprint());
        assertNotEquals(a.fingerprint(), otherTotal.fingerprint());
        assertEquals(64, a.fingerprint().length());
        assertTrue(a.fingerprint().matches("[0-9a-f]{64}"));
    }

    private static String fingerprint(Object resampled) {
        if (resampled instanceof Resamples) {
            return ((Resamples) resampled).fingerprint();
        }
        if (resampled instanceof InitialSplit) {
            return ((InitialSplit) resampled).fingerprint();
        }
        return ((InitialValidationSplit) resampled).fingerprint();
    }
}
