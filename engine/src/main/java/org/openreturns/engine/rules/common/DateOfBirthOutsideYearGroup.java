package org.openreturns.engine.rules.common;

import java.time.LocalDate;
import java.util.List;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * A date of birth outside the normal range of the pupil's year group is a query: it may be right (a child taught out
 * of year group) but is often a typing error. Ranges from reference/rules.md §2.1 [I]. The year group is the
 * pupil's {@code NCyearActual} when given, otherwise the collection's year group(s).
 */
public final class DateOfBirthOutsideYearGroup implements PupilRule {

    @Override
    public String code() {
        return "pupil.dobOutsideYearGroup";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        LocalDate dob = Dates.parse(pupil.pupil().dob());
        if (dob == null) {
            return;
        }
        List<NcYear> groups = NcYear.parse(pupil.pupil().ncYearActual()).map(List::of)
                .orElseGet(() -> expectedYearGroups(context.collection()));
        for (NcYear group : groups) {
            if (!dob.isBefore(group.earliestNormalBirth(context.year()))
                    && !dob.isAfter(group.latestNormalBirth(context.year()))) {
                return;
            }
        }
        NcYear shown = groups.get(0);
        findings.add(this, pupil, null, pupil.describe() + ": the date of birth " + dob + " is outside the usual "
                + "range for " + shown.label() + " in " + context.year().label() + " (born "
                + shown.earliestNormalBirth(context.year()) + " to " + shown.latestNormalBirth(context.year())
                + "). If the pupil is taught outside their year group, explain this; otherwise correct the date of "
                + "birth in your MIS.");
    }

    /** The year groups a collection assesses (reference/rules.md §1). */
    static List<NcYear> expectedYearGroups(Collection collection) {
        return switch (collection) {
            case EYFSP -> List.of(NcYear.RECEPTION);
            case PHONICS -> List.of(new NcYear(1), new NcYear(2));
            case KS1 -> List.of(new NcYear(2));
            case MTC -> List.of(new NcYear(4));
            case KS2_TA -> List.of(new NcYear(6));
        };
    }
}
