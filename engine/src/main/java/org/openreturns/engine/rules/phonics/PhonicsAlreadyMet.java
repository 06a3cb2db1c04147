package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.Dates;

/**
 * Year 2 pupils retake the check only if they did not meet the standard in Year 1 or were not checked, so a Year 2
 * pupil whose CTF shows an earlier pass is queried (reference/rules.md §1.2, §2.3 [I]). Earlier results are in the
 * CTF's history, not among this year's results, and are judged by the threshold of their own year.
 */
public final class PhonicsAlreadyMet implements PupilRule {

    private static final NcYear YEAR_2 = new NcYear(2);

    private final PhonicsCodes codes;

    public PhonicsAlreadyMet(PhonicsCodes codes) {
        this.codes = codes;
    }

    @Override
    public String code() {
        return "phonics.alreadyMet";
    }

    @Override
    public Severity severity() {
        return Severity.QUERY;
    }

    @Override
    public void check(AssessedPupil pupil, ValidationContext context, Findings findings) {
        if (!NcYear.parse(pupil.pupil().ncYearActual()).map(YEAR_2::equals).orElse(false)) {
            return;
        }
        for (StageAssessment a : pupil.pupil().assessments()) {
            int year = yearOf(a);
            if (year == 0 || year >= context.year().summerYear()) {
                continue;
            }
            AssessmentItem item = context.items().match(a);
            if (item == null || item.collection() != Collection.PHONICS || !item.id().equals(PhonicsCodes.ITEM)) {
                continue;
            }
            String how = howMet(a.result(), AcademicYear.ofSummer(year));
            if (how != null) {
                findings.add(this, pupil, PhonicsCodes.ITEM, pupil.describe() + " is in Year 2, but the file "
                        + "shows they met the phonics standard in " + AcademicYear.ofSummer(year).label() + " (" + how
                        + "). Only Year 2 pupils who did not meet the standard in Year 1, or were not checked, take "
                        + "the check again. Confirm this pupil should be in the return; if not, remove their result "
                        + "and export the file again.");
                return;
            }
        }
    }

    /** How the result met the standard, such as "Wa" or "mark 35, threshold 32"; null when it did not. */
    private String howMet(String result, AcademicYear year) {
        if (PhonicsCodes.isMet(result)) {
            return result;
        }
        Integer mark = codes.validMark(result);
        Integer threshold = PhonicsThresholds.forYear(year);
        return mark != null && threshold != null && mark >= threshold
                ? "mark " + mark + ", threshold " + threshold : null;
    }

    /** The summer year of a StageAssessment, or 0 when it is missing or not a plausible year. */
    private static int yearOf(StageAssessment a) {
        if (a.year() == null || !Dates.isFourDigitYear(a.year())) {
            return 0;
        }
        int year = Integer.parseInt(a.year());
        return year >= 2000 && year <= 2100 ? year : 0;
    }
}
