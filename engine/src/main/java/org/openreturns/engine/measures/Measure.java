package org.openreturns.engine.measures;

/** The definition of a headline measure: its stable id, a plain-English label and how its value is worked out. */
record Measure(String id, String label, Kind kind) {

    enum Kind {
        /** Pupils meeting the measure as a percentage of the pupils counted. */
        PERCENT,
        /** A total (of ELGs, of marks) divided by the pupils counted. */
        AVERAGE;

        double of(long numerator, long denominator) {
            return this == PERCENT ? 100.0 * numerator / denominator : (double) numerator / denominator;
        }
    }

    static Measure percent(String id, String label) {
        return new Measure(id, label, Kind.PERCENT);
    }

    static Measure average(String id, String label) {
        return new Measure(id, label, Kind.AVERAGE);
    }
}
