package org.openreturns.engine.rules.mtc;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** A result that is not a score must be one of the year's codes ({@link MtcCodes}; ctf.md §5.1). */
public final class MtcInvalidCode implements PupilRule {

    private final MtcCodes codes;

    public MtcInvalidCode(MtcCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "mtc.invalidCode";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (String value : ResultCodes.invalidValues(pupil.results(MtcCodes.ITEM),
                v -> ResultCodes.isNumeric(v) || codes.codes().contains(v))) {
            findings.add(this, pupil, MtcCodes.ITEM, pupil.describe() + ": '" + value + "' is not a valid result "
                    + "for the " + ResultCodes.label(context, MtcCodes.ITEM) + " in " + context.year().label()
                    + ". Use the score (0 to " + codes.maxScore() + ") or one of " + ResultCodes.oneOf(codes.codes())
                    + ", as the MTC service gives them, then export the file again.");
        }
    }
}
