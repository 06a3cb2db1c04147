package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;
import org.openreturns.engine.rules.mtc.MtcCodes;

/**
 * Multiplication tables check measures (reference/rules.md §3 MTC [V]). The eligible cohort is every pupil with a
 * score or a valid non-participation code ({@link MtcCodes} for the year), except L (left) and Z (registered incorrectly), who drop out of it
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

    /** The year H and NAA were added, as in {@code MtcRules} (ctf.md §5.1 [V]). */
    private static final int NEW_CODES_FROM = 2024;
    /** Left, and registered incorrectly: not in the eligible cohort (reference/rules.md §1.5 [U]). */
    private static final List<String> NOT_ELIGIBLE = List.of("L", "Z");
    private static final String ITEM = "MTC";

    private final Tally averageScore = new Tally();
    private final Tally fullMarks = new Tally();
    private final Tally tookCheck = new Tally();

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        MtcCodes codes = codesFor(context.year());
        String result = result(pupil, codes);
        if (result == null) {
            return;
        }
        Integer score = ResultCodes.wholeNumber(result);
        if (score != null) {
            if (score < 0 || score > codes.maxScore()) {
                return;
            }
            averageScore.add(score);
        } else if (!codes.codes().contains(result) || NOT_ELIGIBLE.contains(result)) {
            return;
        }
        fullMarks.count(score != null && score == codes.maxScore());
        tookCheck.count(score != null);
    }

    /**
     * The pupil's one result by the DfE's precedence, not file order: a Q (maladministration) or H (cheating) annuls
     * a score given beside it, as the STA annuls the check (ctf.md §5.1 [V]; {@code mtc.scoreAnnulled}); otherwise
     * the result given, or null when there is none or results disagree ({@link OneResult}).
     */
    static String result(AssessedPupil pupil, MtcCodes codes) {
        String annulled = null;
        boolean score = false;
        boolean other = false;
        for (ItemResult r : pupil.results(ITEM)) {
            String v = r.value();
            if (v == null) {
                continue;
            }
            if (MtcCodes.ANNULLING.contains(v) && codes.codes().contains(v)) {
                other |= annulled != null && !annulled.equals(v);
                annulled = v;
            } else if (ResultCodes.wholeNumber(v) != null) {
                score = true;
            } else {
                other = true;
            }
        }
        if (annulled != null && !other) {
            return annulled;
        }
        return score || other ? OneResult.of(pupil, ITEM) : null;
    }

    /** The scores and codes valid in the year, as {@code MtcRules} reads them. */
    static MtcCodes codesFor(AcademicYear year) {
        return year.summerYear() >= NEW_CODES_FROM ? MtcCodes.FROM_2024 : MtcCodes.BEFORE_2024;
    }

    @Override
    public List<MeasureCount> counts() {
        // The average is over the takers, but hidden with the eligible cohort, as the two percentages are.
        return List.of(averageScore.of(AVERAGE_SCORE).withCohort(tookCheck.of(TOOK_CHECK).denominator()),
                fullMarks.of(FULL_MARKS), tookCheck.of(TOOK_CHECK));
    }
}
