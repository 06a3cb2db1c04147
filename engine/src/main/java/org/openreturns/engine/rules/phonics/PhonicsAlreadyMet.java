package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Year 2 pupils retake the check only if they did not meet the standard in Year 1 or were not checked, so a Year 2
 * pupil whose CTF shows an earlier pass is queried (reference/rules.md §1.2, §2.3 [I]). Earlier results are in the
 * CTF's history, not among this year's results, and are judged by the threshold of their own year.
 */
public final class PhonicsAlreadyMet implements PupilRule {

    private static final NcYear YEAR_2 = new NcYear(2);

    private final PhonicsCodes codes;

    public PhonicsAlreadyMet(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.alreadyMet";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        if (!NcYear.parse(pupil.pupil().ncYearActual()).map(YEAR_2::equals).orElse(false)) {
            return;
        }
        PhonicsHistory.EarlierPass pass = PhonicsHistory.earlierPass(pupil.pupil(), context.year(), context.items(),
                codes);
        if (pass != null) {
            findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + " is in Year 2, but the file "
                    + "shows they met the phonics standard in " + pass.year().label() + " (" + pass.how()
                    + "). Only Year 2 pupils who did not meet the standard in Year 1, or were not checked, take "
                    + "the check again. Confirm this pupil should be in the return; if not, remove their result "
                    + "and export the file again.");
        }
    }
}
