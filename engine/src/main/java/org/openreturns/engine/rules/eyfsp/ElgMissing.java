package org.openreturns.engine.rules.eyfsp;

import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Every child needs a result for all 17 early learning goals; an element with an empty Result counts as missing
 * (reference/rules.md §2.2, DfE EYFSP return). The goals are the item table's, so a new framework is a data change.
 */
public final class ElgMissing implements PupilRule {

    @Override
    public String code() {
        return "eyfsp.elgMissing";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (AssessmentItem elg : context.items().items(Collection.EYFSP)) {
            if (!pupil.has(elg.id())) {
                findings.add(this, pupil, elg.id(), pupil.describe() + " has no result for the early learning goal '"
                        + elg.label() + "' (" + elg.id() + "). Record 1 (emerging) or 2 (expected) for every goal, "
                        + "or A for all 17 if an exemption applies, then export the file again.");
            }
        }
    }
}
