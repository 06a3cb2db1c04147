package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.rules.eyfsp.EyfspCodes;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/**
 * EYFS Profile headline measures (reference/rules.md §3 EYFSP [V]). A child counts when all 17 ELGs hold a valid
 * result ({@link EyfspCodes}, as the {@code eyfsp.invalidCode} rule reads them); a child with any ELG missing,
 * invalid or recorded twice with different results ({@link OneResult}) is left out of every measure, since the return
 * must be corrected first. Children with all 17 at A (an exemption) count only if the LA chooses ({@link MeasureSettings}).
 */
final class EyfspMeasures implements CollectionMeasures {

    /** Expected (2) in all 12 ELGs of the prime areas, literacy and maths: reference/rules.md §3 [V]. */
    static final Measure GLD = Measure.percent("eyfsp.gld", "Good level of development");
    /** Expected in all 17 ELGs: reference/rules.md §3 [V]. */
    static final Measure ALL_17 = Measure.percent("eyfsp.all17", "Expected level in all 17 early learning goals");
    /** Average number of ELGs at expected, 0-17, which replaced the average point score: rules.md §3 [V]. */
    static final Measure AVERAGE_ELGS = Measure.average("eyfsp.avgElgsExpected",
            "Average number of early learning goals at the expected level");
    /** Expected in all communication and language and literacy ELGs (E01, E02, E08-E10): rules.md §3 [V]. */
    static final Measure COM_LIT = Measure.percent("eyfsp.comLit",
            "Expected level in all communication and language and literacy goals");

    static final int ELGS = 17;
    /** E01-E12 (reference/rules.md §1.1 table, "In GLD"), as indexes 0-11. */
    private static final int GLD_ELGS = 12;
    private static final int[] COM_LIT_ELGS = {0, 1, 7, 8, 9};
    private static final String[] IDS = new String[ELGS];

    static {
        for (int i = 0; i < ELGS; i++) {
            // Interned like the item table's ids, so that looking a goal up finds it by identity.
            IDS[i] = String.format("E%02d", i + 1).intern();
        }
    }

    private final boolean includeAllA;
    private final Tally gld = new Tally();
    private final Tally all17 = new Tally();
    private final Tally averageElgs = new Tally();
    private final Tally comLit = new Tally();

    EyfspMeasures(boolean includeAllA) {
        this.includeAllA = includeAllA;
    }

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        boolean[] expected = expectedGoals(pupil, includeAllA);
        if (expected == null) {
            return;
        }
        int atExpected = countExpected(expected);
        gld.count(allExpected(expected, 0, GLD_ELGS));
        all17.count(atExpected == ELGS);
        averageElgs.add(atExpected);
        boolean comLitMet = true;
        for (int i : COM_LIT_ELGS) {
            comLitMet &= expected[i];
        }
        comLit.count(comLitMet);
    }

    /**
     * Which of the 17 ELGs the child reached the expected level in, or null when the child is not counted (an ELG
     * missing or invalid, or all 17 at A unless those children are included): shared with the distributions, so a
     * chart counts exactly the children the measures count.
     */
    static boolean[] expectedGoals(AssessedPupil pupil, boolean includeAllA) {
        boolean[] expected = new boolean[ELGS];
        int exempt = 0;
        for (int i = 0; i < ELGS; i++) {
            String code = OneResult.of(pupil, IDS[i]);
            if (code == null || !EyfspCodes.FROM_2022.contains(code)) {
                return null;
            }
            switch (code) {
                case "2" -> expected[i] = true;
                case "A" -> exempt++;
                default -> {
                    // 1, emerging
                }
            }
        }
        return exempt == ELGS && !includeAllA ? null : expected;
    }

    static int countExpected(boolean[] expected) {
        int n = 0;
        for (boolean e : expected) {
            if (e) {
                n++;
            }
        }
        return n;
    }

    private static boolean allExpected(boolean[] expected, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!expected[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<MeasureCount> counts() {
        return List.of(gld.of(GLD), all17.of(ALL_17), averageElgs.of(AVERAGE_ELGS), comLit.of(COM_LIT));
    }
}
