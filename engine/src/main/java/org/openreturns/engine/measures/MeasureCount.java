package org.openreturns.engine.measures;

/** The counters of one measure for one group of pupils, before suppression. */
record MeasureCount(Measure measure, long numerator, long denominator, boolean provisional) {
}
