package org.openreturns.engine.measures;

/**
 * A numerator and a denominator, counted pupil by pupil. Mutable on purpose: one is kept per measure per school, and
 * nothing else about a pupil is kept, so that memory does not grow with the file.
 */
final class Tally {

    private long numerator;
    private long denominator;

    /** Counts a pupil in the denominator, and in the numerator if they meet the measure. */
    void count(boolean met) {
        denominator++;
        if (met) {
            numerator++;
        }
    }

    /** Counts a pupil in the denominator and adds their amount (ELGs at expected, a score) to the numerator. */
    void add(long amount) {
        denominator++;
        numerator += amount;
    }

    MeasureCount of(Measure measure) {
        return new MeasureCount(measure, numerator, denominator, false);
    }

    MeasureCount provisionalOf(Measure measure) {
        return new MeasureCount(measure, numerator, denominator, true);
    }
}
