package org.openreturns.engine.rules.phonics;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.rules.common.Dates;

/**
 * What a pupil's CTF history says of earlier phonics checks: a CTF is cumulative (ctf.md §4), so a Year 2 pupil's
 * record may carry their Year 1 result. Shared by the query on Year 2 pupils who already met the standard and by the
 * re-check rate, which leaves them out (reference/rules.md §1.2, §3 Phonics). Each earlier result is judged by the
 * threshold of its own year.
 */
public final class PhonicsHistory {

    /** The year of an earlier pass and how it met the standard, such as "Wa" or "mark 35, threshold 32". */
    public record EarlierPass(AcademicYear year, String how) {
    }

    private PhonicsHistory() {
    }

    /**
     * The first earlier-year phonics result in the pupil's CTF that met the standard, or null when there is none or
     * the item table to recognise it is not at hand.
     */
    public static EarlierPass earlierPass(CtfPupil pupil, AcademicYear current, ItemTable items, PhonicsCodes codes) {
        if (items == null) {
            return null;
        }
        for (StageAssessment a : pupil.assessments()) {
            int year = yearOf(a);
            if (year == 0 || year >= current.summerYear()) {
                continue;
            }
            AssessmentItem item = items.match(a);
            if (item == null || item.collection() != Collection.PHONICS || !item.id().equals(PhonicsCodes.ITEM)) {
                continue;
            }
            String how = howMet(a.result(), AcademicYear.ofSummer(year), codes);
            if (how != null) {
                return new EarlierPass(AcademicYear.ofSummer(year), how);
            }
        }
        return null;
    }

    private static String howMet(String result, AcademicYear year, PhonicsCodes codes) {
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
