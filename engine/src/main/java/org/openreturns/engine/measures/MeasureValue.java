package org.openreturns.engine.measures;

import org.openreturns.engine.collection.Collection;

/**
 * One headline measure for one school, or for all schools together ({@code school} null).
 *
 * <p>{@code value} is a percentage (0-100) or an average, unrounded: callers round for display (whole-number
 * percentages, averages to 1 dp, reference/rules.md §3). For an average, {@code numerator} is the sum of what is
 * averaged (ELGs at expected, MTC scores) and {@code denominator} the number of pupils averaged over.
 *
 * <p>{@code value} and {@code numerator} are null when the measure is {@code suppressed} (fewer pupils than the
 * suppression threshold, the denominator still shown), {@code provisional} (phonics while the threshold mark is not
 * published) or not computable (denominator 0). All three counts are null when the measure is not available (the
 * DfE's symbol x): the data it needs, such as last year's phonics returns, are not at hand.
 */
public record MeasureValue(
        String id,
        String label,
        Collection collection,
        String school,
        Long numerator,
        Long denominator,
        Double value,
        boolean suppressed,
        boolean provisional) {

    /** A measure whose data are not at hand: shown as not available (x), never as 0. */
    public static MeasureValue notAvailable(String id, String label, Collection collection, String school) {
        return new MeasureValue(id, label, collection, school, null, null, null, false, false);
    }

    /** False when the data the measure needs are not at hand (shown as x), as opposed to no pupils counted. */
    public boolean available() {
        return denominator != null;
    }
}
