package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * Wa and WT are optional, but when given they must agree with the mark: Wa exactly when the mark reaches the year's
 * threshold (reference/rules.md §2.3 [I]). Not checked while the threshold is unpublished.
 */
public final class PhonicsOutcomeInconsistent implements PupilRule {

    private final PhonicsCodes codes;

    public PhonicsOutcomeInconsistent(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.outcomeInconsistent";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        Integer threshold = context.phonicsThreshold();
        if (threshold == null) {
            return;
        }
        Integer mark = null;
        String outcome = null;
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            if (mark == null) {
                mark = codes.validMark(r.value());
            }
            if (outcome == null && PhonicsCodes.isOutcome(r.value())) {
                outcome = r.value();
            }
        }
        if (mark == null || outcome == null || PhonicsCodes.isMet(outcome) == (mark >= threshold)) {
            return;
        }
        findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + ": the " + ResultCodes.label(context,
                PhonicsCodes.ITEM) + " outcome is '" + outcome + "' ("
                + (PhonicsCodes.isMet(outcome) ? "met" : "not met") + " the standard), but the mark " + mark + " "
                + (mark >= threshold ? "reaches" : "is below") + " the threshold of " + threshold + " for "
                + context.year().label() + ". Check the mark; the outcome follows from it, so you can also leave the "
                + "outcome out. Then export the file again.");
    }
}
