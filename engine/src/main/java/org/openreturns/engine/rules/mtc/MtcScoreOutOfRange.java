package org.openreturns.engine.rules.mtc;

import java.util.LinkedHashSet;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** The score is the number of the 25 questions answered correctly (reference/rules.md §1.5). */
public final class MtcScoreOutOfRange implements PupilRule {

    private final MtcCodes codes;

    public MtcScoreOutOfRange(MtcCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "mtc.scoreOutOfRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        Set<String> wrong = new LinkedHashSet<>();
        for (ItemResult r : pupil.results(MtcCodes.ITEM)) {
            if (ResultCodes.isNumeric(r.value())) {
                Integer score = ResultCodes.wholeNumber(r.value());
                if (score == null || score < 0 || score > codes.maxScore()) {
                    wrong.add(r.value());
                }
            }
        }
        for (String score : wrong) {
            findings.add(this, pupil, MtcCodes.ITEM, pupil.describe() + ": the score " + score + " for the "
                    + ResultCodes.label(context, MtcCodes.ITEM) + " is not possible. The score is the number of "
                    + "questions answered correctly, a whole number from 0 to " + codes.maxScore() + ". Use the "
                    + "score from the MTC service and export the file again.");
        }
    }
}
