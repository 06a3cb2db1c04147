package org.openreturns.engine.measures;

/**
 * Small-number suppression: a measure over fewer than {@code minimumCohort} pupils is not shown, so that no pupil's
 * result can be worked out from it. The DfE does not suppress EYFSP figures; LAs commonly hide cohorts under 5 or 6
 * (reference/rules.md §3 [I]), hence configurable.
 */
public record Suppression(int minimumCohort) {

    public Suppression {
        if (minimumCohort < 0) {
            throw new IllegalArgumentException("minimumCohort must not be negative: " + minimumCohort);
        }
    }

    public static Suppression none() {
        return new Suppression(0);
    }

    /** True for a cohort that exists but is too small to show; an empty cohort has nothing to hide. */
    public boolean suppresses(long denominator) {
        return denominator > 0 && denominator < minimumCohort;
    }
}
