package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * Each pupil needs a mark or a reason for not taking the check; Wa or WT alone is not enough, since the DfE works the
 * outcome out from the mark (reference/rules.md §1.2, §2.3 [I]).
 */
public final class PhonicsNoResult implements PupilRule {

    private final PhonicsCodes codes;

    public PhonicsNoResult(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.noResult";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        boolean any = false;
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            if (PhonicsCodes.isMark(r.value()) || codes.isReason(r.value())) {
                return;
            }
            any |= r.value() != null;
        }
        findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + " has " + (any ? "no mark" : "no result")
                + " for the " + ResultCodes.label(context, PhonicsCodes.ITEM) + ". Record the mark (0 to "
                + codes.maxMark() + ") or, if the pupil did not take the check, one of " + codes.reasonsText()
                + ", then export the file again.");
    }
}
