package org.openreturns.engine.rules.common;

import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** The first character must be the DfE check letter of the other twelve. School census rule 1510 (ctf.md §6). */
public final class UpnCheckLetter implements PupilRule {

    @Override
    public String code() {
        return "upn.checkLetter";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String upn = pupil.upn();
        if (Upn.hasValidFormat(upn) && !Upn.hasValidCheckLetter(upn)) {
            findings.add(this, pupil, null, pupil.describe() + ": the UPN '" + upn + "' is not valid: its first "
                    + "letter should be " + Upn.expectedCheckLetter(upn) + " for the digits that follow, so a "
                    + "character has probably been mistyped. Check the UPN against the pupil's records, correct it "
                    + "in your MIS and export the file again.");
        }
    }
}
