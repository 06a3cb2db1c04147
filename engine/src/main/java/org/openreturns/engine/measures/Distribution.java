package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.collection.Collection;

/**
 * How one group's pupils (a school, or all schools: {@code school} null) spread over the results of one item: a bar
 * per mark, score or code, every possible one included even where no pupil has it, in the order of the scale and
 * then of the engine's code list.
 *
 * <p>{@code bars} is empty when the distribution is {@code suppressed} (fewer pupils than the suppression threshold),
 * so no count for so few pupils leaves the engine; {@code pupils} is still given.
 *
 * @param id         stable id, such as {@code phonics.y1Marks}
 * @param label      what is counted, in plain English, such as "Year 1 phonics marks"
 * @param valueLabel what a bar's value is, such as "Mark (0 to 40)" or "Teacher assessment code"
 * @param pupils     pupils counted: those with a valid result, as the headline measures read them
 */
public record Distribution(String id, String label, String valueLabel, Collection collection, String school,
        long pupils, boolean suppressed, List<Bar> bars) {

    /**
     * One bar: a value and how many pupils have it.
     *
     * @param value   the mark or score as written ("36"), or the code ("A", "EXS")
     * @param onScale true for a mark, score or number of goals, false for a code given instead of one (absent, left)
     */
    public record Bar(String value, boolean onScale, long pupils) {
    }

    public Distribution {
        bars = List.copyOf(bars);
    }
}
