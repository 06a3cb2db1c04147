package org.openreturns.engine.rules.eyfsp;

import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/** If any early learning goal is A, all 17 must be A (reference/rules.md §1.1, §2.2: DfE all-or-none rule). */
public final class ElgAllOrNoneA implements PupilRule {

    @Override
    public String code() {
        return "eyfsp.allOrNoneA";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        List<AssessmentItem> elgs = context.items().items(Collection.EYFSP);
        List<String> withA = new ArrayList<>();
        for (AssessmentItem elg : elgs) {
            if (EyfspCodes.NOT_ASSESSED.equals(pupil.value(elg.id()))) {
                withA.add(elg.id());
            }
        }
        if (!withA.isEmpty() && withA.size() < elgs.size()) {
            findings.add(this, pupil, null, pupil.describe() + " has A (not assessed) for " + withA.size() + " of the "
                    + elgs.size() + " early learning goals (" + String.join(", ", withA) + "). A is used only when "
                    + "an exemption applies, and then for all " + elgs.size() + " goals. Record 1 or 2 for each goal, "
                    + "or A for every goal if the child is exempt, then export the file again.");
        }
    }
}
