package org.openreturns.engine.rules.eyfsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private static final int ALL_GOALS = 17;

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

    /**
     * One finding per wrong value, naming every goal that has it: a child marked on an old marksheet with 3 in all 17
     * goals has one thing to fix, not 17. A finding about one goal names it as its item.
     */
    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        Map<String, List<String>> goalsByValue = null;
        for (Map.Entry<String, List<ItemResult>> e : pupil.results().entrySet()) {
            for (String value : ResultCodes.invalidValues(e.getValue(), valid)) {
                if (goalsByValue == null) {
                    goalsByValue = new LinkedHashMap<>();
                }
                goalsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(e.getKey());
            }
        }
        if (goalsByValue == null) {
            return;
        }
        goalsByValue.forEach((value, goals) -> {
            String one = goals.get(0);
            String elg = goals.size() == 1
                    ? "the early learning goal '" + ResultCodes.label(context, one) + "' (" + one + ")"
                    : goals.size() == pupil.results().size() && goals.size() == ALL_GOALS
                            ? "all 17 early learning goals"
                            : goals.size() + " early learning goals (" + String.join(", ", goals) + ")";
            String what = value.equals(EXCEEDING)
                    ? "3 (exceeding) is recorded for " + elg + ", but 'exceeding' was withdrawn in 2022. "
                    : "'" + value + "' is not a valid result for " + elg + ". ";
            findings.add(this, pupil, goals.size() == 1 ? goals.get(0) : null, pupil.describe() + ": " + what + "Use "
                    + ResultCodes.oneOf(codes) + ", then export the file again.");
        });
    }
}
