package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** A result that is not a mark must be Wa, WT or a reason code (reference/rules.md §1.2; ctf.md §5.3). */
public final class PhonicsInvalidCode implements PupilRule {

    private final PhonicsCodes codes;

    public PhonicsInvalidCode(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.invalidCode";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (String value : ResultCodes.invalidValues(pupil.results(PhonicsCodes.ITEM),
                v -> PhonicsCodes.isMark(v) || codes.isKnownCode(v))) {
            findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + ": '" + value + "' is not a valid "
                    + "result for the " + ResultCodes.label(context, PhonicsCodes.ITEM) + ". Record the mark (0 to "
                    + codes.maxMark() + ") or, if the pupil did not take the check, one of " + codes.reasonsText()
                    + ", then export the file again.");
        }
    }
}
