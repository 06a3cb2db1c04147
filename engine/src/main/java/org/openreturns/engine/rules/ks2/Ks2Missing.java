package org.openreturns.engine.rules.ks2;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * Every registered pupil needs writing and science teacher assessment; reading and maths TA only for pupils working
 * below the standard of the tests, so its absence is not an error (reference/rules.md §1.4, §2.4).
 */
public final class Ks2Missing implements PupilRule {

    private final Ks2TaCodes codes;

    public Ks2Missing(Ks2TaCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "ks2.missing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (String item : codes.required()) {
            if (!pupil.has(item)) {
                findings.add(this, pupil, item, pupil.describe() + " has no result for "
                        + ResultCodes.label(context, item) + ", which every pupil registered for key stage 2 needs. "
                        + "Record one of " + ResultCodes.oneOf(codes.codes(item)) + " in your MIS (L if the pupil "
                        + "has left), then export the file again.");
            }
        }
    }
}
