package org.openreturns.engine.rules.eyfsp;

import java.util.List;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Since 2023, A may be recorded only where an exemption has been granted, so an all-A child is queried for the LA to
 * confirm the exemption (reference/rules.md §0.4, §2.2 [V2/I]). An absent child is recorded as emerging instead.
 */
public final class ElgExemption implements PupilRule {

    @Override
    public String code() {
        return "eyfsp.exemption";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        List<AssessmentItem> elgs = context.items().items(Collection.EYFSP);
        if (!elgs.isEmpty() && allNotAssessed(pupil, elgs)) {
            findings.add(this, pupil, null, pupil.describe() + " has A (not assessed) for all " + elgs.size()
                    + " early learning goals. Since 2023, A may be used only when an exemption from the EYFS Profile "
                    + "has been granted. Confirm that an exemption applies to this child; if not, record 1 (emerging) "
                    + "or 2 (expected) for each goal (a child who was absent is recorded as emerging).");
        }
    }

    private static boolean allNotAssessed(AssessedPupil pupil, List<AssessmentItem> elgs) {
        for (AssessmentItem elg : elgs) {
            if (!EyfspCodes.NOT_ASSESSED.equals(pupil.value(elg.id()))) {
                return false;
            }
        }
        return true;
    }
}
