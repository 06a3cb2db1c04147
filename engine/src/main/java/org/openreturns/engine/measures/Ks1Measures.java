package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.ks1.Ks1Codes;

/**
 * Key stage 1 teacher assessment, a local-only dataset since 2023/24: the historic measures, % at the expected
 * standard or above per subject and RWM combined (reference/rules.md §3 KS1 [I]). A pupil counts in a subject when
 * its code is valid for KS1 ({@link Ks1Codes}, rules.md §1.3 [V2]); A, Q, WTS, PK1-PK4 and EM count as not met.
 */
final class Ks1Measures implements CollectionMeasures {

    /** Reading EXS or GDS: reference/rules.md §3 KS1 [I], local only. */
    static final Measure READING = Measure.percent("ks1.readingExsPlus",
            "Reading at the expected standard or above");
    /** Writing EXS or GDS: reference/rules.md §3 KS1 [I], local only. */
    static final Measure WRITING = Measure.percent("ks1.writingExsPlus",
            "Writing at the expected standard or above");
    /** Maths EXS or GDS: reference/rules.md §3 KS1 [I], local only. */
    static final Measure MATHS = Measure.percent("ks1.mathsExsPlus", "Maths at the expected standard or above");
    /** Science EXS: reference/rules.md §3 KS1 [I], local only. */
    static final Measure SCIENCE = Measure.percent("ks1.scienceExs", "Science at the expected standard");
    /**
     * EXS or GDS in all of reading, writing and maths, over pupils with a valid code in all three: reference/rules.md
     * §3 KS1 [I], local only.
     */
    static final Measure RWM = Measure.percent("ks1.rwmExsPlus",
            "Reading, writing and maths all at the expected standard or above");

    private static final Ks1Codes CODES = Ks1Codes.FROM_2022;

    private final Tally reading = new Tally();
    private final Tally writing = new Tally();
    private final Tally maths = new Tally();
    private final Tally science = new Tally();
    private final Tally rwm = new Tally();

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        Boolean r = exsPlus(reading, pupil, "READ");
        Boolean w = exsPlus(writing, pupil, "WRIT");
        Boolean m = exsPlus(maths, pupil, "MAT");
        if (r != null && w != null && m != null) {
            rwm.count(r && w && m);
        }
        String sci = OneResult.of(pupil, "SCI");
        if (sci != null && CODES.byItem().get("SCI").contains(sci)) {
            science.count(sci.equals("EXS"));
        }
    }

    /** Counts a reading, writing or maths code; null when it is missing or not valid (then not counted). */
    private static Boolean exsPlus(Tally tally, AssessedPupil pupil, String itemId) {
        String code = OneResult.of(pupil, itemId);
        if (code == null || !CODES.byItem().get(itemId).contains(code)) {
            return null;
        }
        boolean met = code.equals("EXS") || code.equals("GDS");
        tally.count(met);
        return met;
    }

    @Override
    public List<MeasureCount> counts() {
        return List.of(reading.of(READING), writing.of(WRITING), maths.of(MATHS), science.of(SCIENCE),
                rwm.of(RWM));
    }
}
