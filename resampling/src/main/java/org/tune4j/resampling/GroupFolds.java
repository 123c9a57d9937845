package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Group v-fold cross-validation: every row of a group lands in the same fold. */
final class GroupFolds {

    private GroupFolds() {
    }

    /** Maps group ids to codes 0..G-1 in order of first appearance; null ids are an error. */
    static int[] codes(Object[] groups) {
        Map<Object, Integer> index = new LinkedHashMap<>();
        int[] codes = new int[groups.length];
        for (int row = 0; row < groups.length; row++) {
            if (groups[row] == null) {
                throw new IllegalArgumentException("groupVfoldCv: groups[" + row
                        + "] is null; every row needs a group id (group ids are missing)");
            }
            codes[row] = index.computeIfAbsent(groups[row], key -> index.size());
        }
        return codes;
    }

    static Resamples build(int[] codes, int v, GroupBalance balance, long seed, String groupsFingerprint) {
        int n = codes.length;
        int nGroups = 0;
        for (int code : codes) {
            nGroups = Math.max(nGroups, code + 1);
        }
        Checks.folds(v, nGroups, "groups", false);
        int[] groupSizes = new int[nGroups];
        for (int code : codes) {
            groupSizes[code]++;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = RowSampler.permutation(nGroups, random);
        int[] foldOfGroup = balance == GroupBalance.GROUPS ? byGroups(order, v) : byObservations(order, groupSizes, v);
        int[] foldLabel = RowSampler.permutation(v, random);
        int[] counts = new int[v];
        for (int code : codes) {
            counts[foldLabel[foldOfGroup[code]]]++;
        }
        int[][] folds = new int[v][];
        for (int fold = 0; fold < v; fold++) {
            folds[fold] = new int[counts[fold]];
        }
        int[] fill = new int[v];
        for (int row = 0; row < n; row++) {
            int fold = foldLabel[foldOfGroup[codes[row]]];
            folds[fold][fill[fold]++] = row;
        }
        List<String> ids = SplitIds.names0(v, "Resample");
        List<Split> splits = new ArrayList<>(v);
        for (int fold = 0; fold < v; fold++) {
            splits.add(Split.create(ids.get(fold), null, n, RowSampler.complement(folds[fold], n), folds[fold]));
        }
        String arguments = "v=" + v + ";balance=" + balance + ";seed=" + seed + ";groups=" + groupsFingerprint;
        return Resamples.of("group_vfold_cv", "Group " + v + "-fold cross-validation", n, splits, arguments);
    }

    /** Groups in random order take folds 0, 1, ..., v-1, 0, 1, ... in turn. */
    private static int[] byGroups(int[] order, int v) {
        int[] foldOfGroup = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            foldOfGroup[order[i]] = i % v;
        }
        return foldOfGroup;
    }

    /**
     * Largest groups first (ties in the random order), each to the fold with the fewest rows so
     * far. rsample takes the groups in plain random order, which can leave a late large group
     * on an already full fold; this order keeps every fold within one largest group of the rest.
     */
    private static int[] byObservations(int[] order, int[] groupSizes, int v) {
        Integer[] bySize = new Integer[order.length];
        for (int i = 0; i < order.length; i++) {
            bySize[i] = order[i];
        }
        Arrays.sort(bySize, (a, b) -> Integer.compare(groupSizes[b], groupSizes[a]));
        int[] foldOfGroup = new int[order.length];
        long[] rows = new long[v];
        for (int group : bySize) {
            int fold = 0;
            for (int f = 1; f < v; f++) {
                if (rows[f] < rows[fold]) {
                    fold = f;
                }
            }
            foldOfGroup[group] = fold;
            rows[fold] += groupSizes[group];
        }
        return foldOfGroup;
    }
}
