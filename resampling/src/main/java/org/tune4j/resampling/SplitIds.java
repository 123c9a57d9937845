package org.tune4j.resampling;

import java.util.ArrayList;
import java.util.List;

/** rsample's {@code names0}: ids zero-padded to the width of the largest number. */
final class SplitIds {

    private SplitIds() {
    }

    /** {@code names0(3, "Fold")} is Fold1..Fold3; {@code names0(10, "Fold")} is Fold01..Fold10. */
    static List<String> names0(int count, String prefix) {
        int width = Integer.toString(count).length();
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String digits = Integer.toString(i);
            ids.add(prefix + "0".repeat(width - digits.length()) + digits);
        }
        return ids;
    }
}
