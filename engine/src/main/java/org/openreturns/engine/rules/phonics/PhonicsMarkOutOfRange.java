package org.openreturns.engine.rules.phonics;

import java.util.LinkedHashSet;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** The mark is a whole number of words read correctly, 0 to 40 (reference/rules.md §1.2, §2.3 [I]). */
public final class PhonicsMarkOutOfRange implements PupilRule {

    private final PhonicsCodes codes;

    public PhonicsMarkOutOfRange(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.markOutOfRange";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        Set<String> wrong = new LinkedHashSet<>();
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            if (PhonicsCodes.isMark(r.value()) && codes.validMark(r.value()) == null) {
                wrong.add(r.value());
            }
        }
        for (String mark : wrong) {
            findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + ": the mark " + mark + " for the "
                    + ResultCodes.label(context, PhonicsCodes.ITEM) + " is not possible. The mark is the number "
                    + "of words read correctly, a whole number from 0 to " + codes.maxMark() + ". Correct it in your "
                    + "MIS and export the file again.");
        }
    }
}
