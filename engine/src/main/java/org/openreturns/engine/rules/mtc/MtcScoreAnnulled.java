package org.openreturns.engine.rules.mtc;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * A score recorded beside Q (maladministration) or H (cheating): the STA annuls the check, so the code stands and the
 * pupil counts as not having taken it, whatever order the file gives them in (ctf.md §5.1 [V]). Not a contradiction
 * to fix before the return can go, but unusual enough to confirm: a query.
 */
public final class MtcScoreAnnulled implements PupilRule {

    private final MtcCodes codes;

    public MtcScoreAnnulled(MtcCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "mtc.scoreAnnulled";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String code = annullingCode(pupil);
        if (code == null) {
            return;
        }
        String score = null;
        for (ItemResult r : pupil.results(MtcCodes.ITEM)) {
            if (ResultCodes.wholeNumber(r.value()) != null) {
                score = r.value();
                break;
            }
        }
        findings.add(this, pupil, MtcCodes.ITEM, pupil.describe() + " has the score " + score + " and the code '"
                + code + "' (" + (code.equals("Q") ? "maladministration" : "cheating") + ") for the "
                + ResultCodes.label(context, MtcCodes.ITEM) + ". The code annuls the check, so the pupil counts as "
                + "not having taken it. If the code is right, remove the score; if not, remove the code; then export "
                + "the file again.");
    }

    /**
     * Q or H given with one or more scores and nothing else, or null: the case this rule reports and
     * {@code result.conflict} leaves to it.
     */
    String annullingCode(AssessedPupil pupil) {
        String code = null;
        boolean score = false;
        for (ItemResult r : pupil.results(MtcCodes.ITEM)) {
            String v = r.value();
            if (v == null) {
                continue;
            }
            if (MtcCodes.ANNULLING.contains(v) && codes.codes().contains(v) && (code == null || code.equals(v))) {
                code = v;
            } else if (ResultCodes.wholeNumber(v) != null) {
                score = true;
            } else {
                return null;
            }
        }
        return score ? code : null;
    }
}
