package org.openreturns.engine.rules.mtc;

import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ConflictingResults;

/**
 * The check's form of {@code result.conflict}: a score with Q or H is settled by precedence ({@link MtcScoreAnnulled},
 * a query); any other two different results (two scores, a score and A) still leave it unclear which stands.
 */
public final class MtcConflictingResults implements PupilRule {

    private final ConflictingResults common = new ConflictingResults();
    private final MtcScoreAnnulled annulled;

    public MtcConflictingResults(MtcCodes codes) {
        this.annulled = new MtcScoreAnnulled(codes);
    }

    @Override
    public String code() {
        return common.code();
    }

    @Override
    public Severity severity() {
        return common.severity();
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        if (annulled.annullingCode(pupil) == null) {
            common.check(pupil, context, findings);
        }
    }
}
