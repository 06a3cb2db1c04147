package org.openreturns.engine.measures;

/**
 * The counters of one measure for one group of pupils, before suppression. {@code cohort} is the number of pupils
 * whose size decides suppression: the denominator, except for a measure over part of a cohort (the MTC average over
 * the takers of an eligible cohort).
 */
record MeasureCount(Measure measure, long numerator, long denominator, boolean provisional, long cohort) {

    MeasureCount(Measure measure, long numerator, long denominator, boolean provisional) {
        this(measure, numerator, denominator, provisional, denominator);
    }

    /** The same counts, suppressed with a cohort of this size. */
    MeasureCount withCohort(long cohortSize) {
        return new MeasureCount(measure, numerator, denominator, provisional, cohortSize);
    }
}
