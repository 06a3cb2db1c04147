package org.openreturns.engine.rules.eyfsp;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;

/** Each early learning goal result must be one of the year's codes (reference/rules.md §2.2; {@link EyfspCodes}). */
public final class ElgInvalidCode implements PupilRule {

    /** The pre-2022 "exceeding" result, which schools with old marksheets still send (reference/rules.md §2.2). */
    private static final String EXCEEDING = "3";

    private final List<String> codes;
    /** Made once rather than for every goal of every child. */
    private final Predicate<String> valid;

    public ElgInvalidCode(List<String> codes) {
        this.codes = List.copyOf(codes);
        this.valid = this.codes::contains;
    }

    @Override
    public String code() {
        return "eyfsp.invalidCode";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        for (Map.Entry<String, List<ItemResult>> e : pupil.results().entrySet()) {
            for (String value : ResultCodes.invalidValues(e.getValue(), valid)) {
                String elg = "the early learning goal '" + ResultCodes.label(context, e.getKey()) + "' (" + e.getKey()
                        + ")";
                String what = value.equals(EXCEEDING)
                        ? "3 (exceeding) is recorded for " + elg + ", but 'exceeding' was withdrawn in 2022. "
                        : "'" + value + "' is not a valid result for " + elg + ". ";
                findings.add(this, pupil, e.getKey(), pupil.describe() + ": " + what + "Use "
                        + ResultCodes.oneOf(codes) + ", then export the file again.");
            }
        }
    }
}
