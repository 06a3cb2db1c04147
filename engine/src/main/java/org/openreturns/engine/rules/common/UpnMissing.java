package org.openreturns.engine.rules.common;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** Every pupil needs a UPN. School census rule 1500 (reference/rules.md §2.1). */
public final class UpnMissing implements PupilRule {

    @Override
    public String code() {
        return "upn.missing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        if (pupil.upn() == null) {
            findings.add(this, pupil, null, pupil.describe() + " has no UPN. Add the pupil's UPN in your MIS (a "
                    + "temporary UPN if the real one is not known yet) and export the file again.");
        }
    }
}
