package org.openreturns.engine.measures;

import java.util.List;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Multiplication tables check measures (reference/rules.md §3 MTC [V]). The eligible cohort is every pupil with a
 * score or a valid non-participation code, except L (left) and Z (registered incorrectly), who drop out of it
 * (rules.md §1.5 [U]). Pupils with no result or an invalid one are left out.
 */
final class MtcMeasures implements CollectionMeasures {

    /** Mean score (0-25) among pupils who took the check: reference/rules.md §3 MTC [V]. */
    static final Measure AVERAGE_SCORE = Measure.average("mtc.averageScore",
            "Average multiplication tables check score");
    /** % of eligible pupils scoring 25: reference/rules.md §3 MTC [V]; eligibility rules.md §1.5 [U]. */
    static final Measure FULL_MARKS = Measure.percent("mtc.full25Percent",
            "Eligible pupils scoring full marks (25)");
    /** % of eligible pupils who took the check: reference/rules.md §3 MTC [V]; eligibility rules.md §1.5 [U]. */
    static final Measure TOOK_CHECK = Measure.percent("mtc.tookCheckPercent",
            "Eligible pupils who took the multiplication tables check");

    private static final int MAX_SCORE = 25;
    /** Non-participation codes from 2024, as the shared brief's {@code mtc.invalidCode} list. */
    private static final Set<String> CODES_FROM_2024 = Set.of("A", "B", "J", "L", "U", "Z", "X", "Q", "H", "NAA");
    /** Non-participation codes before 2024, as the shared brief's {@code mtc.invalidCode} list. */
    private static final Set<String> CODES_BEFORE_2024 = Set.of("A", "B", "J", "L", "Q", "U", "X", "Z");
    /** Left, and registered incorrectly: not in the eligible cohort (reference/rules.md §1.5 [U]). */
    private static final Set<String> NOT_ELIGIBLE = Set.of("L", "Z");

    private final Tally averageScore = new Tally();
    private final Tally fullMarks = new Tally();
    private final Tally tookCheck = new Tally();

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        String result = Results.code(pupil, "MTC");
        if (result == null) {
            return;
        }
        int score = Results.wholeNumber(result);
        if (score > MAX_SCORE) {
            return;
        }
        if (score < 0) {
            Set<String> codes = context.year().summerYear() >= 2024 ? CODES_FROM_2024 : CODES_BEFORE_2024;
            if (!codes.contains(result) || NOT_ELIGIBLE.contains(result)) {
                return;
            }
        } else {
            averageScore.add(score);
        }
        fullMarks.count(score == MAX_SCORE);
        tookCheck.count(score >= 0);
    }

    @Override
    public List<MeasureCount> counts() {
        return List.of(averageScore.of(AVERAGE_SCORE), fullMarks.of(FULL_MARKS), tookCheck.of(TOOK_CHECK));
    }
}
