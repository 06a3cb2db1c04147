package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The phonics return is reported as Year 1 checks and Year 2 re-checks, which the DfE tells apart by the pupil's year
 * group: without one the pupil's result cannot be placed in either, so it is an error (reference/rules.md §1.2, §3).
 */
public final class PhonicsYearGroupMissing implements PupilRule {

    @Override
    public String code() {
        return "phonics.ncYearMissing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String written = pupil.pupil().ncYearActual();
        if (written != null && !written.isBlank()) {
            return;
        }
        findings.add(this, pupil, null, pupil.describe() + " has no year group (NCyearActual). The phonics return "
                + "counts Year 1 checks and Year 2 re-checks separately, so record whether the pupil is in Year 1 or "
                + "Year 2 in your MIS, then export the file again.");
    }
}
