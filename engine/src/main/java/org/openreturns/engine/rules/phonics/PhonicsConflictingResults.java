package org.openreturns.engine.rules.phonics;

import java.util.Locale;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * The phonics form of {@code result.conflict}: the check's one item legitimately carries a mark and an outcome
 * (35 and Wa) side by side (ctf.md §5.3), so only two different marks or two different reasons contradict
 * each other. Two different outcomes do not block the return: the mark decides, and {@link PhonicsOutcomeInconsistent}
 * queries the one that disagrees. A mark with a reason is {@link PhonicsMarkAndCode}'s finding.
 */
public final class PhonicsConflictingResults implements PupilRule {

    private final PhonicsCodes codes;

    public PhonicsConflictingResults(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "result.conflict";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        String[] first = new String[3];
        for (ItemResult r : pupil.results(PhonicsCodes.ITEM)) {
            int kind = kind(r.value());
            if (kind < 0 || kind == 1) {
                continue;
            }
            if (first[kind] == null) {
                first[kind] = r.value();
            } else if (!same(first[kind], r.value(), kind)) {
                findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + " has two different "
                        + (kind == 0 ? "marks" : "reasons") + " for the "
                        + ResultCodes.label(context, PhonicsCodes.ITEM) + ": '" + first[kind] + "' and '"
                        + r.value() + "'. Keep only the right one in your MIS and export the file again.");
                return;
            }
        }
    }

    /** 0 mark, 1 outcome, 2 reason; -1 for anything else, which other rules report. */
    private int kind(String value) {
        if (PhonicsCodes.isMark(value)) {
            return 0;
        }
        if (PhonicsCodes.isOutcome(value)) {
            return 1;
        }
        return codes.isReason(value) ? 2 : -1;
    }

    private static boolean same(String a, String b, int kind) {
        return kind == 0 ? a.equals(b) : a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
    }
}
