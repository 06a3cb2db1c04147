package org.openreturns.engine.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.Dates;
import org.openreturns.engine.rules.common.ResultCodes;
import org.openreturns.engine.rules.phonics.PhonicsCodes;
import org.openreturns.engine.rules.phonics.PhonicsHistory;

/**
 * Phonics screening check: % meeting the standard = mark at or above the threshold / (pupils with a mark, or coded
 * A, D or Q); pupils coded L or with no valid result are left out (reference/rules.md §3 Phonics [V]). Wa/Wt are
 * ignored: the DfE derives the outcome from the mark (rules.md §1.2 [V2]), so a Wa/Wt without a mark does not count.
 * While the threshold is unpublished the pupils are counted but the outcome is provisional (rules.md §4 [I]).
 *
 * <p>The Year 2 re-check rate counts only eligible re-takers (rules.md §1.2 [V]): pupils recorded in Year 2 who are
 * not shown to have met the standard in Year 1, by their CTF history or by last year's returns when at hand. A pupil
 * with no {@code NCyearActual} cannot be shown to be a Year 2 re-taker and is left out of it; the Year 1 measure
 * still places such a pupil by date of birth, as Year 1 eligibility goes by age (rules.md §1.2).
 */
final class PhonicsMeasures implements CollectionMeasures {

    /** Year 1 pupils meeting the standard: reference/rules.md §3 Phonics [V]. */
    static final Measure YEAR_1 = Measure.percent("phonics.y1MetPercent",
            "Year 1 pupils meeting the phonics standard");
    /**
     * Year 2 pupils checked this year meeting the standard: the same formula as Year 1 (reference/rules.md §3 [V]);
     * not the DfE's "by end of Year 2" measure, which needs last year's results and the census.
     */
    static final Measure YEAR_2 = Measure.percent("phonics.y2MetPercent",
            "Year 2 pupils meeting the phonics standard in the re-check");

    private static final String ITEM = "CHK";
    static final NcYear Y1 = new NcYear(1);
    static final NcYear Y2 = new NcYear(2);

    /**
     * Where a stored pupil ({@link MeasuredPupil}) keeps that their CTF history shows an earlier pass, since the
     * history itself is not stored; its one value is the summer year of the pass. Not an item of any return.
     */
    static final String MET_BEFORE = "CHK.metBefore";

    static final PhonicsCodes CODES = PhonicsCodes.FROM_2012;
    private static final String LEFT = "L";

    private final Tally year1 = new Tally();
    private final Tally year2 = new Tally();
    private final Predicate<String> metInYear1LastYear;
    private boolean provisional;

    /** Without last year's returns: only a pupil's CTF history can show an earlier pass. */
    PhonicsMeasures() {
        this(upn -> false);
    }

    /** @param metInYear1LastYear whether last year's returns show the UPN met the standard in Year 1 */
    PhonicsMeasures(Predicate<String> metInYear1LastYear) {
        this.metInYear1LastYear = metInYear1LastYear;
    }

    @Override
    public void add(ValidationContext context, AssessedPupil pupil) {
        Tally tally = tallyFor(pupil, context.year());
        if (tally == null || tally == year2 && !isEligibleRetaker(context, pupil)) {
            return;
        }
        Result result = read(pupil);
        if (result == null || result.mark() < 0 && result.reason().equals(LEFT)) {
            return;
        }
        int mark = result.mark();
        Integer threshold = context.phonicsThreshold();
        if (threshold == null) {
            provisional = true;
            tally.count(false);
        } else {
            tally.count(mark >= threshold);
        }
    }

    /**
     * A pupil's one usable result: a mark 0-40 ({@code reason} null), or a reason for not taking the check ({@code mark}
     * -1, reason in upper case).
     */
    record Result(int mark, String reason) {
    }

    /**
     * The pupil's mark or reason, or null when there is no usable result: none, an invalid code, a mark out of range,
     * two different marks or reasons, a mark with a reason, or only an outcome (Wa/Wt). Shared with the distributions,
     * so a chart counts exactly the pupils the measures count.
     */
    static Result read(AssessedPupil pupil) {
        int mark = -1;
        String reason = null;
        for (ItemResult result : pupil.results(ITEM)) {
            if (result.value() == null) {
                continue;
            }
            // Case does not matter for phonics codes, as in PhonicsCodes (MIS write both Wt and WT).
            String value = result.value().toUpperCase(Locale.ROOT);
            Integer number = ResultCodes.wholeNumber(value);
            if (number != null) {
                if (number < 0 || number > CODES.maxMark() || (mark >= 0 && mark != number)) {
                    return null; // out of range, or two different marks: no mark to use
                }
                mark = number;
            } else if (CODES.reasons().contains(value)) {
                if (reason != null && !reason.equals(value)) {
                    return null;
                }
                reason = value;
            } else if (!value.equals("WA") && !value.equals("WT")) {
                return null; // an invalid code: the result cannot be read
            }
        }
        if (mark >= 0 && reason != null) {
            return null; // a mark and a reason for not taking the check contradict each other (phonics.markAndCode)
        }
        return mark < 0 && reason == null ? null : new Result(mark, reason);
    }

    /**
     * Year 1 by {@code NCyearActual} (ctf.md §3 [U-inferred]) or, without it, by the normal date-of-birth range for
     * the year (reference/rules.md §2.1); Year 2 only by {@code NCyearActual}. Other year groups are in neither.
     */
    private Tally tallyFor(AssessedPupil pupil, AcademicYear year) {
        if (isRecordedInYear2(pupil)) {
            return year2;
        }
        return Y1.equals(yearGroup(pupil, year)) ? year1 : null;
    }

    static boolean isRecordedInYear2(AssessedPupil pupil) {
        return NcYear.parse(pupil.pupil().ncYearActual()).map(Y2::equals).orElse(false);
    }

    private boolean isEligibleRetaker(ValidationContext context, AssessedPupil pupil) {
        return !metBefore(context, pupil) && (pupil.upn() == null || !metInYear1LastYear.test(pupil.upn()));
    }

    /**
     * Whether the pupil's CTF history shows they met the standard in an earlier year: read from the file's history,
     * or, for a stored pupil, from what {@link MeasuredPupil} kept of it.
     */
    static boolean metBefore(ValidationContext context, AssessedPupil pupil) {
        return pupil.has(MET_BEFORE) || earlierPass(context, pupil) != null;
    }

    /** The earlier pass the CTF history shows; null without one, or without the item table to read the history. */
    static PhonicsHistory.EarlierPass earlierPass(ValidationContext context, AssessedPupil pupil) {
        return PhonicsHistory.earlierPass(pupil.pupil(), context.year(), context.items(), CODES);
    }

    /** The pupil's year group as the measures take it; null when neither known nor implied by the date of birth. */
    static NcYear yearGroup(AssessedPupil pupil, AcademicYear year) {
        NcYear group = NcYear.parse(pupil.pupil().ncYearActual()).orElse(null);
        if (group == null) {
            LocalDate dob = Dates.parse(pupil.pupil().dob());
            if (dob != null && within(dob, Y1, year)) {
                group = Y1;
            } else if (dob != null && within(dob, Y2, year)) {
                group = Y2;
            }
        }
        return group;
    }

    private static boolean within(LocalDate dob, NcYear group, AcademicYear year) {
        return !dob.isBefore(group.earliestNormalBirth(year)) && !dob.isAfter(group.latestNormalBirth(year));
    }

    @Override
    public List<MeasureCount> counts() {
        return provisional
                ? List.of(year1.provisionalOf(YEAR_1), year2.provisionalOf(YEAR_2))
                : List.of(year1.of(YEAR_1), year2.of(YEAR_2));
    }
}
