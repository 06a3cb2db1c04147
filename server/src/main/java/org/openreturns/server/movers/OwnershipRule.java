package org.openreturns.server.movers;

import org.openreturns.engine.collection.Collection;

/**
 * Which school reports a pupil who is on two schools' returns of one collection (reference/rules.md §2.5). For EYFSP,
 * phonics and KS2 TA this is the DfE's rule; for KS1 and the MTC the DfE names none, so the LA's own rule is stated,
 * the school the pupil was on roll at in the assessment window.
 */
public final class OwnershipRule {

    private OwnershipRule() {
    }

    public static String of(Collection kind) {
        return switch (kind) {
            // EYFSP handbook, transfers (2024): the school attended, or to be attended, longest.
            case EYFSP -> "For the EYFS profile the DfE's rule is that the school the child attended (or will attend) "
                    + "longest in the summer term reports the child, which also settles differing half-term dates.";
            // Phonics ARA (2025): the school where the check was taken submits the result.
            case PHONICS -> "For the phonics screening check the DfE's rule is that the school where the pupil took "
                    + "the check reports the result.";
            // STA, submitting KS2 TA (2026): the school of registration in test week / on roll to May half-term.
            case KS2_TA -> "For KS2 teacher assessment the DfE's rule is that the school the pupil was registered at "
                    + "for test week (on roll until the May half-term) reports the teacher assessment.";
            case KS1 -> "For KS1 teacher assessment the DfE sets no rule; the LA's rule is that the school the pupil "
                    + "was on roll at when teacher assessment was finalised in June reports it.";
            case MTC -> "For the multiplication tables check the DfE sets no rule for the LA's return; the LA's rule "
                    + "is that the school the pupil was on roll at in the June check window reports the result.";
        };
    }
}
