package org.openreturns.engine.rules.common;

import java.util.List;
import java.util.Optional;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * A pupil whose year group is not the one the collection assesses (EYFSP Reception, phonics Year 1 or 2, KS1 Year 2,
 * MTC Year 4, KS2 TA Year 6) is a query, not an error: a child taught out of year group is rare but real, so the pupil
 * stays in the return until the school confirms them or removes them. Without it the pupil would be counted in no
 * measure and named by no finding. A missing year group is for the collection's own rules to judge.
 */
public final class YearGroupFitsCollection implements PupilRule {

    @Override
    public String code() {
        return "pupil.yearGroup";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String written = pupil.pupil().ncYearActual();
        if (written == null || written.isBlank()) {
            return;
        }
        Optional<NcYear> group = NcYear.parse(written);
        List<NcYear> expected = DateOfBirthOutsideYearGroup.expectedYearGroups(context.collection());
        if (group.isPresent() && expected.contains(group.get())) {
            return;
        }
        String is = group.map(g -> "is in " + g.label()).orElse("has the year group '" + written.strip() + "'");
        findings.add(this, pupil, null, pupil.describe() + " " + is + ", but the " + context.collection().title()
                + " is for " + context.collection().cohort() + ". If the pupil is taught in that year group, explain "
                + "this; otherwise correct the year group (NCyearActual) in your MIS or remove the pupil from the "
                + "return, then export the file again.");
    }
}
