package org.openreturns.engine.rules.common;


import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** Surname is a required item of every assessment return (reference/rules.md §1.1, §2.1). */
public final class SurnameMissing implements PupilRule {

    @Override
    public String code() {
        return "pupil.surnameMissing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        if (pupil.pupil().surname() == null) {
            findings.add(this, pupil, null, pupil.describe() + " has no surname. Add it in your MIS and export the "
                    + "file again.");
        }
    }
}
