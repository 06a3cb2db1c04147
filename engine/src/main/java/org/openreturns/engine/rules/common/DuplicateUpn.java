package org.openreturns.engine.rules.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.FileRule;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** No two pupils of one file may share a UPN. School census rule 1520 (reference/rules.md §2.1). */
public final class DuplicateUpn implements FileRule {

    /** The finding on every record of a UPN after its first, by which the measures count that pupil once. */
    public static final String CODE = "upn.duplicate";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public FileCheck start(ValidationContext context) {
        Map<String, CtfPupil> firstSeen = new HashMap<>();
        return (pupil, findings) -> {
            String upn = pupil.upn();
            if (upn == null) {
                return;
            }
            // Only what the message needs is kept, not the pupil's results: a file may hold 80,000 pupils.
            CtfPupil p = pupil.pupil();
            CtfPupil first = firstSeen.putIfAbsent(upn,
                    new CtfPupil(upn, p.surname(), p.forename(), null, null, null, List.of(), p.line()));
            if (first != null) {
                findings.add(this, pupil, null, pupil.describe() + " has the same UPN as " + first.describe()
                        + " at line " + first.line() + ". Each pupil "
                        + "must appear once with their own UPN: remove the duplicate record or correct the UPN in "
                        + "your MIS, and export the file again.");
            }
        };
    }
}
