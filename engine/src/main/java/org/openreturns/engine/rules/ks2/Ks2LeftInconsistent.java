package org.openreturns.engine.rules.ks2;

import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * A pupil who left gets L in every subject that takes it (reference/rules.md §2.4), so L in some of those subjects but
 * another result in the rest is queried.
 */
public final class Ks2LeftInconsistent implements PupilRule {

    private final Ks2TaCodes codes;

    public Ks2LeftInconsistent(Ks2TaCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "ks2.leftInconsistent";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        List<String> left = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String item : Ks2TaCodes.ITEMS) {
            String value = pupil.value(item);
            if (value == null || !codes.codes(item).contains(Ks2TaCodes.LEFT)) {
                continue;
            }
            (value.equals(Ks2TaCodes.LEFT) ? left : other).add(ResultCodes.label(context, item) + " '" + value + "'");
        }
        if (!left.isEmpty() && !other.isEmpty()) {
            findings.add(this, pupil, null, pupil.describe() + " has L (left the school) for "
                    + String.join(" and ", left) + " but " + String.join(" and ", other) + ". A pupil who has left "
                    + "gets L in each of these subjects. Check whether the pupil has left, correct the results in "
                    + "your MIS, then export the file again.");
        }
    }
}
