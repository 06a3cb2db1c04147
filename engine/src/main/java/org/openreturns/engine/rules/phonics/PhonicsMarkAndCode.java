package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** A pupil either took the check (a mark) or did not (a reason code), never both (reference/rules.md §2.3 [I]). */
public final class PhonicsMarkAndCode implements PupilRule {

    private final PhonicsCodes codes;

    public PhonicsMarkAndCode(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.markAndCode";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String mark = null;
        String reason = null;
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            if (mark == null && PhonicsCodes.isMark(r.value())) {
                mark = r.value();
            } else if (reason == null && codes.isReason(r.value())) {
                reason = r.value();
            }
        }
        if (mark != null && reason != null) {
            findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + " has both a mark (" + mark + ") and "
                    + "the code '" + reason + "' for the " + ResultCodes.label(context, PhonicsCodes.ITEM) + ". "
                    + "Keep the mark if the pupil took the check, or the code if they did not, then export the file "
                    + "again.");
        }
    }
}
