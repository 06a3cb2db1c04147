package org.openreturns.engine.rules.common;


import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** Sex is required and must be M or F; older CTFs call it Gender (reference/rules.md §1.1, §2.1; ctf.md §3). */
public final class SexInvalid implements PupilRule {

    @Override
    public String code() {
        return "pupil.sexInvalid";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String sex = pupil.pupil().sex();
        if (sex == null) {
            findings.add(this, pupil, null, pupil.describe() + " has no sex recorded. Record M or F in your MIS and "
                    + "export the file again.");
        } else if (!sex.equals("M") && !sex.equals("F")) {
            findings.add(this, pupil, null, pupil.describe() + ": sex is recorded as '" + sex + "', but must be "
                    + "M or F. Correct it in your MIS and export the file again.");
        }
    }
}
