package org.openreturns.engine.rules.common;

import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** Characters 2-4 must be a recognised LA code, current or retired. School census rule 1530 (ctf.md §6, §11). */
public final class UpnLaCode implements PupilRule {

    @Override
    public String code() {
        return "upn.laCode";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String upn = pupil.upn();
        if (Upn.hasValidFormat(upn) && !context.laCodes().isKnown(Upn.laCode(upn))) {
            findings.add(this, pupil, null, pupil.describe() + ": the UPN '" + upn + "' contains '" + Upn.laCode(upn)
                    + "' in characters 2 to 4, which is not a local authority code. Check the UPN against the "
                    + "pupil's records, correct it in your MIS and export the file again.");
        }
    }
}
