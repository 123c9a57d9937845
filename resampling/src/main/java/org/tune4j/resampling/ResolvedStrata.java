package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Strata after binning and pooling: each stratum is a list of row blocks, one block per original
 * class (merged classes and missing rows keep their own blocks), so that dealing blocks
 * contiguously balances classes as well as strata.
 */
final class ResolvedStrata {

    /**
     * One stratum: its name (the surviving class label or bin), its row blocks, its size and the
     * size of its own class before merged classes and missing rows joined it.
     */
    record Stratum(String name, List<int[]> blocks, int size, int ownSize) {

        int[] rows() {
            int[] rows = new int[size];
            int at = 0;
            for (int[] block : blocks) {
                System.arraycopy(block, 0, rows, at, block.length);
                at += block.length;
            }
            return rows;
        }
    }

    private final int nRows;
    private final boolean stratified;
    private final List<Stratum> strata;

    private ResolvedStrata(int nRows, boolean stratified, List<Stratum> strata) {
        this.nRows = nRows;
        this.stratified = stratified;
        this.strata = List.copyOf(strata);
    }

    /** One stratum holding every row. */
    static ResolvedStrata unstratified(int nRows) {
        return new ResolvedStrata(nRows, false, List.of(new Stratum("all", List.of(RowSampler.range(nRows)), nRows, nRows)));
    }

    /** Every non-empty level is a stratum; missing rows (code -1) go to random strata. */
    static ResolvedStrata fromCodes(int[] codes, List<String> levels, SplittableRandom random) {
        List<Integer> kept = new ArrayList<>();
        int[] counts = counts(codes, levels.size());
        int[] target = new int[levels.size()];
        for (int level = 0; level < levels.size(); level++) {
            target[level] = level;
            if (counts[level] > 0) {
                kept.add(level);
            }
        }
        return fromClasses(codes, levels, kept, target, random);
    }

    /**
     * Builds strata from class codes: kept levels are strata, every other level joins
     * {@code target[level]}, and missing rows (code -1) join random kept levels one by one.
     */
    static ResolvedStrata fromClasses(int[] codes, List<String> levels, List<Integer> kept, int[] target,
            SplittableRandom random) {
        int nLevels = levels.size();
        int[] counts = counts(codes, nLevels);
        int[][] rowsByLevel = new int[nLevels][];
        for (int level = 0; level < nLevels; level++) {
            rowsByLevel[level] = new int[counts[level]];
        }
        int[] fill = new int[nLevels];
        List<List<Integer>> missingByKept = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            missingByKept.add(new ArrayList<>());
        }
        for (int row = 0; row < codes.length; row++) {
            int code = codes[row];
            if (code >= 0) {
                rowsByLevel[code][fill[code]++] = row;
            } else {
                missingByKept.get(random.nextInt(kept.size())).add(row);
            }
        }
        List<Stratum> strata = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int level = kept.get(k);
            List<int[]> blocks = new ArrayList<>();
            int size = 0;
            for (int other = 0; other < nLevels; other++) {
                if (target[other] == level && counts[other] > 0) {
                    blocks.add(rowsByLevel[other]);
                    size += counts[other];
                }
            }
            List<Integer> missing = missingByKept.get(k);
            if (!missing.isEmpty()) {
                blocks.add(missing.stream().mapToInt(Integer::intValue).toArray());
                size += missing.size();
            }
            strata.add(new Stratum(levels.get(level), List.copyOf(blocks), size, counts[level]));
        }
        return new ResolvedStrata(codes.length, true, strata);
    }

    /** The same strata with only the rows where {@code keep[row]} holds; empty strata are dropped. */
    ResolvedStrata restrictTo(boolean[] keep) {
        List<Stratum> restricted = new ArrayList<>();
        for (Stratum stratum : strata) {
            List<int[]> blocks = new ArrayList<>();
            int size = 0;
            for (int[] block : stratum.blocks()) {
                int[] kept = Arrays.stream(block).filter(row -> keep[row]).toArray();
                if (kept.length > 0) {
                    blocks.add(kept);
                    size += kept.length;
                }
            }
            if (size > 0) {
                restricted.add(new Stratum(stratum.name(), List.copyOf(blocks), size, size));
            }
        }
        return new ResolvedStrata(nRows, stratified, restricted);
    }

    private static int[] counts(int[] codes, int nLevels) {
        int[] counts = new int[nLevels];
        for (int code : codes) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        return counts;
    }

    int nRows() {
        return nRows;
    }

    boolean stratified() {
        return stratified;
    }

    List<Stratum> strata() {
        return strata;
    }
}
