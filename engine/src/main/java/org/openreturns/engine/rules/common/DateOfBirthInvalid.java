package org.openreturns.engine.rules.common;


import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** Date of birth is required, as a real date in the form YYYY-MM-DD (reference/rules.md §2.1; ctf.md §3). */
public final class DateOfBirthInvalid implements PupilRule {

    @Override
    public String code() {
        return "pupil.dobInvalid";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String dob = pupil.pupil().dob();
        if (dob == null) {
            findings.add(this, pupil, null, pupil.describe() + " has no date of birth. Add it in your MIS and export "
                    + "the file again.");
        } else if (Dates.parse(dob) == null) {
            findings.add(this, pupil, null, pupil.describe() + ": the date of birth '" + dob + "' is not a real "
                    + "date in the form YYYY-MM-DD. Correct it in your MIS and export the file again.");
        }
    }
}
