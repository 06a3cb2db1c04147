package org.openreturns.engine.measures;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The DfE's "met the expected standard by the end of Year 2" (reference/rules.md §3 Phonics [V], method since 2024):
 * cohort = pupils with a valid Year 2 result this year, plus pupils with a valid Year 1 result last year who are on
 * this year's census in Year 2; met = met in Year 1 or in Year 2. A valid result is one the Year 1 measure counts (a
 * mark, or A, D or Q), each judged by its own year's threshold.
 *
 * <p>Unlike the other measures it joins two years pupil by pupil, so it keeps one small entry per phonics pupil (UPN,
 * school, year group, outcome); phonics returns hold only Year 1 and Year 2 pupils, so this stays small.
 */
final class PhonicsByEndOfYear2 {

    static final Measure MEASURE = Measure.percent("phonics.byEndOfY2MetPercent",
            "Pupils meeting the phonics standard by the end of Year 2");

    /**
     * How the cohort is formed without a school census, which the DfE uses and an LA does not have (issue 10, item 9):
     * shown beside the figure wherever it is reported.
     */
    static final String COHORT_BASIS = "By the end of Year 2: this year's Year 2 pupils with a valid result, plus last "
            + "year's Year 1 pupils with a valid result. With no school census to hand, a pupil checked in Year 1 last "
            + "year is taken to be in Year 2 this year at the school that returned them, unless this year's returns "
            + "show them at another school (counted there) or in another year group (left out). A school's figure "
            + "needs its own return from last year, and the LA figure needs one from every school counted this year; "
            + "otherwise it is shown as not available (x).";

    /** A pupil's Year 1 check last year. */
    private record LastYear(String school, boolean met, boolean provisional) {
    }

    /**
     * A pupil in this year's phonics returns. {@code valid} means a valid Year 2 result; {@code metBefore} that the
     * CTF history shows an earlier pass.
     */
    private record ThisYear(String school, boolean inYear2, boolean valid, boolean met, boolean provisional,
            boolean metBefore) {
    }

    private final Map<String, LastYear> lastYear = new HashMap<>();
    private final Map<String, ThisYear> thisYear = new LinkedHashMap<>();
    private final Set<String> schoolsWithLastYear = new HashSet<>();
    private int withoutUpn;

    void lastYearOf(String school) {
        schoolsWithLastYear.add(school);
    }

    boolean hasLastYear(String school) {
        return schoolsWithLastYear.contains(school);
    }

    boolean countedThisYear() {
        return !thisYear.isEmpty() || withoutUpn > 0;
    }

    /** A pupil of last year's returns: only Year 1 pupils with a valid result join the cohort. */
    void addLastYear(String school, ValidationContext context, AssessedPupil pupil) {
        Outcome outcome = outcome(context, pupil);
        if (pupil.upn() == null || outcome == null
                || !PhonicsMeasures.Y1.equals(PhonicsMeasures.yearGroup(pupil, context.year()))) {
            return;
        }
        lastYear.merge(pupil.upn(), new LastYear(school, outcome.met(), outcome.provisional()),
                (a, b) -> new LastYear(a.school(), a.met() || b.met(), a.provisional() && b.provisional()));
    }

    /** Whether last year's returns show the pupil met the standard in Year 1. */
    boolean metInYear1(String upn) {
        LastYear l = lastYear.get(upn);
        return l != null && l.met();
    }

    void addThisYear(String school, ValidationContext context, AssessedPupil pupil) {
        boolean inYear2 = PhonicsMeasures.isRecordedInYear2(pupil);
        Outcome outcome = inYear2 ? outcome(context, pupil) : null;
        ThisYear entry = new ThisYear(school, inYear2, outcome != null, outcome != null && outcome.met(),
                outcome != null && outcome.provisional(), inYear2 && PhonicsMeasures.metBefore(context, pupil));
        if (pupil.upn() == null) {
            // Cannot be matched with last year: counted on this year's result alone.
            thisYear.put("\u0000" + withoutUpn++, entry);
        } else {
            thisYear.merge(pupil.upn(), entry, (a, b) -> a.valid() ? a : b);
        }
    }

    /** The counts per school of {@code schools} (this year's), and in total under the key null. */
    Map<String, MeasureCount> counts(Set<String> schools) {
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, Boolean> provisional = new HashMap<>();
        Set<String> upns = new HashSet<>(thisYear.keySet());
        upns.addAll(lastYear.keySet());
        for (String upn : upns) {
            ThisYear now = thisYear.get(upn);
            LastYear then = lastYear.get(upn);
            boolean byThisYear = now != null && now.valid();
            // The census approximation: last year's Year 1 pupil is in Year 2 unless this year's returns say otherwise.
            boolean byLastYear = then != null && (now == null || now.inYear2());
            if (!byThisYear && !byLastYear) {
                continue;
            }
            String school = byThisYear ? now.school() : then.school();
            if (!schools.contains(school)) {
                continue; // on the roll of a school not counted this year
            }
            boolean met = then != null && then.met() || byThisYear && (now.met() || now.metBefore());
            boolean unsure = !met && (then != null && then.provisional() || byThisYear && now.provisional());
            for (String key : new String[] {school, null}) {
                tallies.computeIfAbsent(key, k -> new Tally()).count(met);
                provisional.merge(key, unsure, Boolean::logicalOr);
            }
        }
        Map<String, MeasureCount> counts = new HashMap<>();
        for (String school : schools) {
            counts.put(school, count(tallies.get(school), provisional.getOrDefault(school, false)));
        }
        counts.put(null, count(tallies.get(null), provisional.getOrDefault(null, false)));
        return counts;
    }

    private static MeasureCount count(Tally tally, boolean provisional) {
        Tally t = tally == null ? new Tally() : tally;
        return provisional ? t.provisionalOf(MEASURE) : t.of(MEASURE);
    }

    private record Outcome(boolean met, boolean provisional) {
    }

    /** A valid result (a mark, or A, D or Q) and whether it met its year's threshold; null when not valid. */
    private static Outcome outcome(ValidationContext context, AssessedPupil pupil) {
        PhonicsMeasures.Result result = PhonicsMeasures.read(pupil);
        if (result == null || result.mark() < 0 && result.reason().equals("L")) {
            return null;
        }
        Integer threshold = context.phonicsThreshold();
        return new Outcome(threshold != null && result.mark() >= threshold, threshold == null && result.mark() >= 0);
    }
}
