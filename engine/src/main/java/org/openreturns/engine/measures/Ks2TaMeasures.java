package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.ks2.Ks2TaCodes;

/**
 * Key stage 2 teacher assessment measures (reference/rules.md §3 KS2 [I]). Pupils coded L (left), F (future year) or
 * P (previous year) are outside the denominator; A and the pre-key-stage and engagement-model codes count as not met
 * (rules.md §3 [I]). Missing codes and codes not valid for the subject ({@link Ks2TaCodes}) are left out. The combined RWM measure needs the STA test results,
 * which are not in a TA return, so it is not here.
 */
final class Ks2TaMeasures implements CollectionMeasures {

    /** Writing TA EXS or GDS: reference/rules.md §3 KS2 [I]. */
    static final Measure WRITING_EXS_PLUS = Measure.percent("ks2.writingExsPlus",
            "Writing at the expected standard or above (teacher assessment)");
    /** Writing TA GDS: reference/rules.md §3 KS2 [I]. */
    static final Measure WRITING_GDS = Measure.percent("ks2.writingGds",
            "Writing at greater depth (teacher assessment)");
    /** Science TA EXS: reference/rules.md §3 KS2 [I]. */
    static final Measure SCIENCE_EXS = Measure.percent("ks2.scienceExs",
            "Science at the expected standard (teacher assessment)");

    private static final Ks2TaCodes CODES = Ks2TaCodes.FROM_2022;
    /** Left, future year, previous year: outside the denominator (reference/rules.md §3 KS2 [I]). */
    private static final List<String> NOT_COUNTED = List.of("L", "F", "P");

    private final Tally writingExsPlus = new Tally();
    private final Tally writingGds = new Tally();
    private final Tally scienceExs = new Tally();

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        String writing = OneResult.of(pupil, "WRIT");
        if (counted("WRIT", writing)) {
            writingExsPlus.count(writing.equals("EXS") || writing.equals("GDS"));
            writingGds.count(writing.equals("GDS"));
        }
        String science = OneResult.of(pupil, "SCI");
        if (counted("SCI", science)) {
            scienceExs.count(science.equals("EXS"));
        }
    }

    private static boolean counted(String itemId, String code) {
        return code != null && CODES.byItem().get(itemId).contains(code) && !NOT_COUNTED.contains(code);
    }

    @Override
    public List<MeasureCount> counts() {
        return List.of(writingExsPlus.of(WRITING_EXS_PLUS), writingGds.of(WRITING_GDS), scienceExs.of(SCIENCE_EXS));
    }
}
