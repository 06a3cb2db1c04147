package org.openreturns.engine.measures;

import java.util.Map;
import org.openreturns.engine.collection.Collection;

/**
 * How each measure is reported beside its value: the rounding the DfE publishes it with, and in one plain sentence how
 * its denominator is chosen, naming the choice made where the DfE leaves one open, so that a reader of a report knows
 * who was counted. Kept apart from the measures' counting so that adding a measure never changes how others count.
 */
final class MeasureNotes {

    /** Said of every measure: the pupils a clean return would hold. */
    static final String CLEAN_RETURN = " Each pupil counts once, and a result with an error is left out until it is "
            + "corrected.";

    private static final String EYFSP_CHILDREN = "Children with a valid result (1, 2 or A) in all 17 early learning "
            + "goals.";
    private static final String ALL_A_LEFT_OUT = " Children with all 17 at A (an exemption) are left out, as the DfE "
            + "did before 2021 (its current rule is not confirmed).";
    private static final String ALL_A_COUNTED = " Children with all 17 at A (an exemption) are counted, as not at the "
            + "expected level (the DfE's current rule is not confirmed; before 2021 they were left out).";

    private static final String PHONICS_Y1 = "Year 1 pupils with a mark, or coded A (absent), D (did not take the "
            + "check) or Q (maladministration), as the DfE counts them; pupils coded L (left) or with no valid result "
            + "are left out. The year group is NCyearActual, or the date of birth where that is missing.";
    private static final String PHONICS_Y2 = "Year 2 pupils checked this year with a mark, or coded A, D or Q; pupils "
            + "coded L or with no valid result are left out.";
    private static final String KS2_TA = "Pupils with a valid teacher assessment in the subject; L (left), F (future "
            + "year) and P (previous year) are left out, and A, pre-key stage and engagement model count as not met.";
    private static final String KS1_TA = "Pupils with a valid key stage 1 code in the subject; A, Q, WTS, pre-key "
            + "stage and engagement model count as not met (a local measure: the DfE no longer collects key stage 1).";
    private static final String MTC_ELIGIBLE = "Eligible pupils: each pupil with a score or a code for not taking the "
            + "check, except L (left) and Z (registered incorrectly).";
    private static final String MTC_TAKERS = "Pupils who took the check (a score from 0 to 25). Shown only when the "
            + "eligible cohort is large enough to show, like the percentages beside it.";

    private static final Map<String, String> BY_ID = Map.of(
            PhonicsMeasures.YEAR_1.id(), PHONICS_Y1,
            PhonicsMeasures.YEAR_2.id(), PHONICS_Y2,
            Ks1Measures.RWM.id(), "Pupils with a valid key stage 1 code in all of reading, writing and maths; A, Q, "
                    + "WTS, pre-key stage and engagement model count as not met (a local measure).",
            MtcMeasures.AVERAGE_SCORE.id(), MTC_TAKERS);

    private MeasureNotes() {
    }

    /**
     * Decimal places a value is shown with: whole-number percentages for phonics, KS1, KS2 and MTC, as the DfE
     * publishes them; EYFSP percentages to 1 dp (published unrounded since 2024/25) and averages to 1 dp
     * (reference/rules.md §3).
     */
    static int decimals(Collection collection, Measure measure) {
        return measure.kind() == Measure.Kind.AVERAGE || collection == Collection.EYFSP ? 1 : 0;
    }

    /** How the measure's denominator is chosen, for a report to show under the measure. */
    static String denominator(Collection collection, Measure measure, MeasureSettings settings) {
        String own = BY_ID.get(measure.id());
        if (own == null) {
            own = switch (collection) {
                case EYFSP -> EYFSP_CHILDREN + (settings.includeAllAInEyfsp() ? ALL_A_COUNTED : ALL_A_LEFT_OUT);
                case PHONICS -> "Pupils with a mark, or coded A, D or Q; pupils coded L or with no valid result are "
                        + "left out.";
                case KS1 -> KS1_TA;
                case KS2_TA -> KS2_TA;
                case MTC -> MTC_ELIGIBLE;
            };
        }
        return own + CLEAN_RETURN;
    }
}
