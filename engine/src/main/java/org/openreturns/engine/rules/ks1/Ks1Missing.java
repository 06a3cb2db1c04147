package org.openreturns.engine.rules.ks1;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * An LA that collects KS1 teacher assessment needs all four subjects for every pupil (reference/rules.md §1.3: local
 * dataset since 2023/24, with the former statutory subjects).
 */
public final class Ks1Missing implements PupilRule {

    private final Ks1Codes codes;

    public Ks1Missing(Ks1Codes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "ks1.missing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (String item : Ks1Codes.ITEMS) {
            if (codes.byItem().containsKey(item)
                    && !pupil.has(item)) {
                findings.add(this, pupil, item, pupil.describe() + " has no result for "
                        + ResultCodes.label(context, item) + ". Record one of " + ResultCodes.oneOf(codes.codes(item))
                        + " in your MIS, then export the file again.");
            }
        }
    }
}
