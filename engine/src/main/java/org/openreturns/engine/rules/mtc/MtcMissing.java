package org.openreturns.engine.rules.mtc;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** Every pupil needs a score or a code; an empty Result is treated as missing (ctf.md §5.1). */
public final class MtcMissing implements PupilRule {

    private final MtcCodes codes;

    public MtcMissing(MtcCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "mtc.missing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        if (!pupil.has(MtcCodes.ITEM)) {
            findings.add(this, pupil, MtcCodes.ITEM, pupil.describe() + " has no result for the "
                    + ResultCodes.label(context, MtcCodes.ITEM) + ". Record the score (0 to " + codes.maxScore()
                    + ") or, if the pupil did not take the check, one of " + ResultCodes.oneOf(codes.codes())
                    + ", then export the file again.");
        }
    }
}
