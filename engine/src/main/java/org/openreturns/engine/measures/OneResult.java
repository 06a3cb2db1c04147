package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ItemResult;

/**
 * The one result a measure reads for an item. Two different results for one item are an error ({@code result.conflict})
 * which a clean return would not hold, so neither counts, whichever came first in the file; the same result twice is
 * one result.
 */
final class OneResult {

    private OneResult() {
    }

    /** The item's result, or null when there is none or the results given disagree. */
    static String of(AssessedPupil pupil, String itemId) {
        List<ItemResult> given = pupil.results(itemId);
        String value = null;
        for (int i = 0; i < given.size(); i++) {
            String v = given.get(i).value();
            if (v == null) {
                continue;
            }
            if (value != null && !value.equals(v)) {
                return null;
            }
            value = v;
        }
        return value;
    }
}
