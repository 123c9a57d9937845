package org.tune4j.resampling;

/** Argument checks shared by the resampling verbs; every message names the value and the fix. */
final class Checks {

    private Checks() {
    }

    static void rows(int nRows, int minimum, String method) {
        if (nRows < minimum) {
            throw new IllegalArgumentException(method + ": nRows = " + nRows
                    + " is too small; it needs at least " + minimum + " rows");
        }
    }

    static void proportion(String name, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " = " + value
                    + " is outside (0, 1); give the share of rows for the analysis set, e.g. 0.75");
        }
    }

    static void times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times = " + times + " is not allowed; times must be at least 1");
        }
    }

    static void repeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats = " + repeats
                    + " is not allowed; repeats must be at least 1 (1 = no repetition)");
        }
    }

    static void folds(int v, int nUnits, String units, boolean preventLoo) {
        if (v < 2) {
            throw new IllegalArgumentException("v = " + v + " is too small; v must be at least 2");
        }
        if (v > nUnits) {
            throw new IllegalArgumentException("v = " + v + " is larger than the number of " + units
                    + " (" + nUnits + "); choose v between 2 and " + (preventLoo ? nUnits - 1 : nUnits));
        }
        if (preventLoo && v == nUnits) {
            throw new IllegalArgumentException("v = " + v + " equals the number of " + units
                    + ", which is leave-one-out cross-validation; use Resampling.looCv(" + nUnits
                    + ") or choose v between 2 and " + (nUnits - 1));
        }
    }

    static void sameRows(String what, int length, int nRows) {
        if (length != nRows) {
            throw new IllegalArgumentException(what + " has " + length + " rows but nRows = " + nRows
                    + "; give one value per row");
        }
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null; pass a value");
        }
        return value;
    }
}
