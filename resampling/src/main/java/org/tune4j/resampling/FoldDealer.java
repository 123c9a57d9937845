package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Balanced assignment of rows to folds.
 *
 * <p>Strata (in random order), and inside each stratum its class blocks (in random order), are
 * laid end to end, each block shuffled; the rows are then dealt round-robin onto the folds with
 * one cursor that carries over from block to block, through a random relabelling of the folds.
 * Any contiguous run of rows dealt this way lands on the folds as evenly as possible, so every
 * fold's size, every stratum's count and every class's count differ between folds by at most one.
 * rsample instead shuffles {@code rep(1:v)} inside each stratum, which piles every stratum's
 * leftovers onto the low folds (rsample issue #91).
 */
final class FoldDealer {

    private FoldDealer() {
    }

    /** The sorted assessment rows of each of {@code v} folds. */
    static int[][] deal(ResolvedStrata strata, int v, SplittableRandom random) {
        int n = strata.nRows();
        int[] foldLabel = RowSampler.permutation(v, random);
        List<ResolvedStrata.Stratum> order = new ArrayList<>(strata.strata());
        RowSampler.shuffle(order, random);
        int[] foldOfRow = new int[n];
        int[] counts = new int[v];
        int cursor = 0;
        for (ResolvedStrata.Stratum stratum : order) {
            List<int[]> blocks = new ArrayList<>(stratum.blocks());
            RowSampler.shuffle(blocks, random);
            for (int[] block : blocks) {
                int[] rows = block.clone();
                RowSampler.shuffle(rows, random);
                for (int row : rows) {
                    int fold = foldLabel[cursor];
                    foldOfRow[row] = fold;
                    counts[fold]++;
                    cursor = cursor + 1 == v ? 0 : cursor + 1;
                }
            }
        }
        int[][] folds = new int[v][];
        int[] fill = new int[v];
        for (int fold = 0; fold < v; fold++) {
            folds[fold] = new int[counts[fold]];
        }
        for (int row = 0; row < n; row++) {
            int fold = foldOfRow[row];
            folds[fold][fill[fold]++] = row;
        }
        return folds;
    }
}
