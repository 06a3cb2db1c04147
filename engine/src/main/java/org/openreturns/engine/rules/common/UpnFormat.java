package org.openreturns.engine.rules.common;

import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * A UPN is a capital letter, 11 digits, then a digit or (temporary UPN) a capital letter other than I, O or S.
 * School census rules 1540/1550 (reference/rules.md §2.1; ctf.md §6).
 */
public final class UpnFormat implements PupilRule {

    @Override
    public String code() {
        return "upn.format";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String upn = pupil.upn();
        if (upn != null && !Upn.hasValidFormat(upn)) {
            findings.add(this, pupil, null, pupil.describe() + ": the UPN '" + upn + "' is not in the right form. A "
                    + "UPN has 13 characters: a capital letter, 11 digits, and a final digit or capital letter. "
                    + "Correct it in your MIS and export the file again.");
        }
    }
}
