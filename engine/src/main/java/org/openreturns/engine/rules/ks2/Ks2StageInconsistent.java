package org.openreturns.engine.rules.ks2;

import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * F (completes key stage 2 in a future year) and P (completed it in a previous year) describe the pupil, not a subject
 * (reference/rules.md §1.4), so a pupil with F or P in writing or science has the same code in the other. Otherwise
 * a query; L mixed with other codes is {@link Ks2LeftInconsistent}'s.
 */
public final class Ks2StageInconsistent implements PupilRule {

    private static final List<String> STAGE_CODES = List.of("F", "P");

    private final Ks2TaCodes codes;

    public Ks2StageInconsistent(Ks2TaCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "ks2.stageInconsistent";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        List<String> given = new ArrayList<>();
        boolean stage = false;
        String first = null;
        boolean differ = false;
        for (String item : Ks2TaCodes.ITEMS) {
            String value = pupil.value(item);
            if (value == null || !codes.codes(item).containsAll(STAGE_CODES)) {
                continue;
            }
            if (value.equals(Ks2TaCodes.LEFT)) {
                return;
            }
            stage |= STAGE_CODES.contains(value);
            differ |= first != null && !first.equals(value);
            first = first == null ? value : first;
            given.add(ResultCodes.label(context, item) + " '" + value + "'");
        }
        if (stage && differ) {
            findings.add(this, pupil, null, pupil.describe() + " has " + String.join(" but ", given) + ". F (key "
                    + "stage 2 completed in a future year) and P (completed in a previous year) apply to the pupil, so "
                    + "writing and science take the same one. Check the pupil's year, correct the results in your "
                    + "MIS, then export the file again.");
        }
    }
}
