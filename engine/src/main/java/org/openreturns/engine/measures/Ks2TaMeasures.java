package org.openreturns.engine.measures;

import java.util.List;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/**
 * Key stage 2 teacher assessment measures (reference/rules.md §3 KS2 [I]). Pupils coded L (left), F (future year) or
 * P (previous year) are outside the denominator; A and the pre-key-stage and engagement-model codes count as not met
 * (rules.md §3 [I]). Invalid or missing codes are left out. The combined RWM measure needs the STA test results,
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

    /** Writing codes that count, i.e. valid (rules.md §1.4 [V2]) less L, F and P. */
    private static final Set<String> WRITING_COUNTED = Set.of("GDS", "EXS", "WTS", "PK1", "PK2", "PK3", "PK4", "PK5",
            "PK6", "EM", "A");
    /** Science codes that count, i.e. valid (rules.md §1.4 [V2]) less L, F and P. */
    private static final Set<String> SCIENCE_COUNTED = Set.of("EXS", "HNM", "A");

    private final Tally writingExsPlus = new Tally();
    private final Tally writingGds = new Tally();
    private final Tally scienceExs = new Tally();

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        String writing = Results.code(pupil, "WRIT");
        if (writing != null && WRITING_COUNTED.contains(writing)) {
            writingExsPlus.count(writing.equals("EXS") || writing.equals("GDS"));
            writingGds.count(writing.equals("GDS"));
        }
        String science = Results.code(pupil, "SCI");
        if (science != null && SCIENCE_COUNTED.contains(science)) {
            scienceExs.count(science.equals("EXS"));
        }
    }

    @Override
    public List<MeasureCount> counts() {
        return List.of(writingExsPlus.of(WRITING_EXS_PLUS), writingGds.of(WRITING_GDS), scienceExs.of(SCIENCE_EXS));
    }
}
