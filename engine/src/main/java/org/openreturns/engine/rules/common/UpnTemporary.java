package org.openreturns.engine.rules.common;

import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * A temporary UPN (a 2-digit serial and a letter at character 13) is allowed while a pupil's permanent UPN is not yet
 * known, but the pupil cannot be matched to earlier results or other returns until it is replaced: a query. School
 * census rules 1540/1550 (reference/rules.md §2.1).
 */
public final class UpnTemporary implements PupilRule {

    @Override
    public String code() {
        return "upn.temporary";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String upn = pupil.upn();
        if (upn != null && Upn.hasValidFormat(upn) && Upn.isTemporary(upn)) {
            findings.add(this, pupil, null, pupil.describe() + " has a temporary UPN. Replace it with the pupil's "
                    + "permanent UPN (from the previous school's CTF, or ask the LA), then export the file again; if "
                    + "the pupil has no permanent UPN yet, say so in your explanation.");
        }
    }
}
