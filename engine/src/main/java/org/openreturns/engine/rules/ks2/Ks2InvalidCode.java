package org.openreturns.engine.rules.ks2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * Each teacher assessment must be one of its subject's codes (reference/rules.md §1.4, §2.4). The two usual slips get
 * their own explanation: a standard (GDS, EXS, WTS) for reading or maths, which the tests measure instead, and L, F or
 * P for reading or maths, which are recorded only for writing and science.
 */
public final class Ks2InvalidCode implements PupilRule {

    private static final Set<String> STANDARDS = Set.of("GDS", "EXS", "WTS");
    private static final Set<String> ABSENCE = Set.of("L", "F", "P");
    private static final Set<String> TESTED = Set.of("READ", "MAT");

    private final Ks2TaCodes codes;

    public Ks2InvalidCode(Ks2TaCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "ks2.invalidCode";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (Map.Entry<String, List<ItemResult>> e : pupil.results().entrySet()) {
            List<String> valid = codes.codes(e.getKey());
            for (String value : ResultCodes.invalidValues(e.getValue(), valid::contains)) {
                findings.add(this, pupil, e.getKey(), message(pupil, context, e.getKey(), value, valid));
            }
        }
    }

    private static String message(AssessedPupil pupil, ValidationContext context, String item, String value,
            List<String> valid) {
        String label = ResultCodes.label(context, item);
        String start = pupil.describe() + ": '" + value + "' is not a valid result for " + label + ". ";
        if (TESTED.contains(item) && STANDARDS.contains(value)) {
            return start + label + " is only recorded for pupils working below the standard of the test, since the "
                    + "test result shows whether the standard was met. Remove it for a pupil who took the test, or "
                    + "use one of " + ResultCodes.oneOf(valid) + ", then export the file again.";
        }
        if (TESTED.contains(item) && ABSENCE.contains(value)) {
            return start + "L (left), F (future year) and P (previous year) are recorded only for writing and "
                    + "science. Remove this result, or use one of " + ResultCodes.oneOf(valid) + " if the pupil is "
                    + "working below the standard of the test, then export the file again.";
        }
        return start + "Use one of " + ResultCodes.oneOf(valid) + ", then export the file again.";
    }
}
