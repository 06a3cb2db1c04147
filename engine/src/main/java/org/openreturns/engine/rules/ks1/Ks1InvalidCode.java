package org.openreturns.engine.rules.ks1;

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
 * Each teacher assessment must be one of its subject's codes. PK5, PK6, L, F and P are key stage 2 codes that MIS
 * marksheets sometimes offer at KS1 too (reference/rules.md §1.3).
 */
public final class Ks1InvalidCode implements PupilRule {

    private static final Set<String> KS2_ONLY = Set.of("PK5", "PK6", "L", "F", "P");

    private final Ks1Codes codes;

    public Ks1InvalidCode(Ks1Codes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "ks1.invalidCode";
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
                findings.add(this, pupil, e.getKey(), pupil.describe() + ": '" + value + "' is not a valid result "
                        + "for " + ResultCodes.label(context, e.getKey()) + " at key stage 1"
                        + (KS2_ONLY.contains(value) ? " (it is a key stage 2 code)" : "") + ". Use one of "
                        + ResultCodes.oneOf(valid) + ", then export the file again.");
            }
        }
    }
}
