package org.tune4j.resampling;

/**
 * How {@link Resampling#groupVfoldCv(int[], int, GroupBalance, long)} combines groups into folds
 * when there are more groups than folds (rsample's {@code balance}).
 */
public enum GroupBalance {
    /** Each fold gets the same number of groups, give or take one. */
    GROUPS,
    /**
     * Each fold gets about the same number of rows: groups go, largest first (equal sizes in
     * random order), to the fold with the fewest rows.
     */
    OBSERVATIONS
}
