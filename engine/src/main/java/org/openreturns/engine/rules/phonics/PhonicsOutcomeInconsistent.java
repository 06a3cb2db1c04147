package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * Wa and WT are optional and the mark decides: the DfE works the outcome out from the mark and the year's threshold,
 * and COLLECT accepts a file with Wa/WT but removes them (reference/rules.md §1.2 [V2], §2.3). So an outcome that
 * disagrees with the mark is a query, never an error: in 2026 the threshold fell to 31, and an MIS still pre-filling
 * WT below 32 must not block a school whose marks are right. Not checked while the threshold is unpublished.
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
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        Integer threshold = context.phonicsThreshold();
        if (threshold == null) {
            return;
        }
        Integer mark = null;
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            if (mark == null) {
                mark = codes.validMark(r.value());
            }
        }
        if (mark == null) {
            return;
        }
        boolean met = mark >= threshold;
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            String outcome = r.value();
            if (PhonicsCodes.isOutcome(outcome) && PhonicsCodes.isMet(outcome) != met) {
                findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + ": the " + ResultCodes.label(context,
                        PhonicsCodes.ITEM) + " outcome is '" + outcome + "' (" + (met ? "not met" : "met")
                        + " the standard), but the mark " + mark + " " + (met ? "reaches" : "is below")
                        + " the threshold of " + threshold + " for " + context.year().label() + ". The mark decides, "
                        + "so the pupil counts as " + (met ? "meeting" : "not meeting") + " the standard. Check the "
                        + "mark; if it is right, the outcome can be left out of the file (the DfE removes it).");
                return;
            }
        }
    }
}
