package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.find;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;

/**
 * The Year 2 phonics figures: the re-check rate over eligible re-takers only, and the DfE's "met the expected standard
 * by the end of Year 2" (reference/rules.md §3 Phonics, method since 2024), worked by hand on a small LA.
 */
class PhonicsYear2Test {

    /** 2025/26, threshold 31; last year 2024/25, threshold 32 (reference/rules.md §0.1). */
    private static final ValidationContext NOW = context(Collection.PHONICS, 31);
    private static final ValidationContext LAST_YEAR = context(Collection.PHONICS, AcademicYear.ofSummer(2025), 32);
    private static final AssessmentItem CHK = Fixtures.ITEMS.items(Collection.PHONICS).stream()
            .filter(i -> i.id().equals("CHK")).findFirst().orElseThrow();

    private static AssessedPupil pupil(String upn, String ncYear, String dob, String result,
            StageAssessment... history) {
        CtfPupil raw = new CtfPupil(upn, "Surname", "Forename", dob, "F", ncYear, List.of(history), 1);
        List<ItemResult> results = new ArrayList<>();
        results.add(new ItemResult(CHK, result, null));
        return new AssessedPupil(raw, Map.of("CHK", results));
    }

    /** This year's Year 2 pupil (born 2018/19). */
    private static AssessedPupil y2(String upn, String result, StageAssessment... history) {
        return pupil(upn, "2", "2019-01-15", result, history);
    }

    /** A Year 1 pupil: last year's (born 2018/19) or this year's (born 2019/20). */
    private static AssessedPupil y1(String upn, String result) {
        return pupil(upn, "1", "2019-01-15", result);
    }

    /** A phonics result carried in the pupil's CTF history, as a cumulative CTF has it. */
    private static StageAssessment phonicsIn(String summerYear, String result) {
        return new StageAssessment("KS1", "ENG", summerYear, "PHO", "TT", "CHK", null, null, result, 1);
    }

    private static MeasureValue recheckRate(AssessedPupil... pupils) {
        return Fixtures.measure(NOW, "phonics.y2MetPercent", pupils);
    }

    @Test
    void theRecheckRateLeavesOutYear2PupilsWhoseCtfShowsTheyMetInYear1() {
        MeasureValue y2 = recheckRate(
                y2("A1", "33"),
                y2("A2", "10"),
                y2("A3", "36", phonicsIn("2025", "34")),
                y2("A4", "20", phonicsIn("2025", "Wa")),
                y2("A5", "20", phonicsIn("2025", "25")));

        assertThat(y2.denominator()).isEqualTo(3);
        assertThat(y2.numerator()).isEqualTo(1);
    }

    @Test
    void theRecheckRateLeavesOutPupilsWithoutAnNcYear() {
        // Born 2018/19, the Year 2 range of 2025/26, but with no NCyearActual: not shown to be a Year 2 re-taker.
        MeasureValue y2 = recheckRate(y2("A1", "33"), pupil("A2", null, "2019-01-15", "35"),
                pupil("A3", "", "2019-01-15", "35"));

        assertThat(y2.denominator()).isEqualTo(1);
        assertThat(y2.numerator()).isEqualTo(1);
    }

    @Test
    void aStoredPupilIsLeftOutOfTheRecheckRateAsTheFileWas() {
        AssessedPupil metBefore = y2("A3", "36", phonicsIn("2025", "34"));
        AssessedPupil stored = MeasuredPupil.of(NOW, metBefore).toAssessed();
        ValidationContext storedContext = MeasuredPupil.context(Collection.PHONICS, Fixtures.YEAR, 31);

        MeasureValue y2 = Fixtures.measure(storedContext, "phonics.y2MetPercent", stored,
                MeasuredPupil.of(NOW, y2("A1", "33")).toAssessed());

        assertThat(y2.denominator()).isEqualTo(1);
    }

    /**
     * Two schools. S1 last year: P1 35 met; P2 20; P3 25; P4 A; P5 L (no valid result); P6 33 met (in Year 1 again
     * this year); P7 32 met. S2 last year: P11 20 (moved to S1); P12 36 met. This year S1's Year 2: P2 33 met, P3 10,
     * P5 31 met, P7 36 (already met), P8 D (new), P9 35 without NC year, P10 20 with a CTF pass in 2025, P11 35 met;
     * S1's Year 1: P6 30. S2 has only a Year 1 pupil, P13 35.
     *
     * <p>By the end of Year 2, S1: P1 P2 P3 P4 P5 P7 P8 P10 P11, met P1 P2 P5 P7 P10 P11: 6/9. S2: P12 met: 1/1.
     * LA: 7/10 = 70%. Re-check rate S1: P2 P3 P5 P8 P11, met P2 P5 P11: 3/5.
     */
    @Test
    void metByTheEndOfYear2MatchesTheDfeMethodOnAHandWorkedLa() {
        MeasureBook book = new MeasureBook(Suppression.none());
        feed(book.lastYear("S1"), LAST_YEAR, y1("P1", "35"), y1("P2", "20"), y1("P3", "25"), y1("P4", "A"),
                y1("P5", "L"), y1("P6", "33"), y1("P7", "32"));
        feed(book.lastYear("S2"), LAST_YEAR, y1("P11", "20"), y1("P12", "36"));
        feed(book.school("S1"), NOW, y2("P2", "33"), y2("P3", "10"), y2("P5", "31"), y2("P7", "36"), y2("P8", "D"),
                pupil("P9", null, "2019-01-15", "35"), y2("P10", "20", phonicsIn("2025", "34")), y2("P11", "35"),
                pupil("P6", "1", "2019-01-15", "30"));
        feed(book.school("S2"), NOW, pupil("P13", "1", "2020-01-15", "35"));

        List<MeasureValue> results = book.results();

        assertFigure(find(results, "S1", "phonics.byEndOfY2MetPercent"), 6, 9);
        assertFigure(find(results, "S2", "phonics.byEndOfY2MetPercent"), 1, 1);
        assertFigure(find(results, null, "phonics.byEndOfY2MetPercent"), 7, 10);
        assertThat(find(results, null, "phonics.byEndOfY2MetPercent").value()).isEqualTo(70.0);
        assertFigure(find(results, "S1", "phonics.y2MetPercent"), 3, 5);
        assertFigure(find(results, null, "phonics.y1MetPercent"), 1, 2);
    }

    @Test
    void withoutLastYearsDataTheMeasureIsNotAvailableNeverZero() {
        MeasureBook book = new MeasureBook(Suppression.none());
        feed(book.lastYear("S1"), LAST_YEAR, y1("P1", "35"));
        feed(book.school("S1"), NOW, y2("P2", "33"));
        feed(book.school("S3"), NOW, y2("P3", "33"));

        List<MeasureValue> results = book.results();

        assertFigure(find(results, "S1", "phonics.byEndOfY2MetPercent"), 2, 2);
        for (MeasureValue unknown : List.of(find(results, "S3", "phonics.byEndOfY2MetPercent"),
                find(results, null, "phonics.byEndOfY2MetPercent"))) {
            assertThat(unknown.available()).isFalse();
            assertThat(unknown.value()).isNull();
            assertThat(unknown.numerator()).isNull();
            assertThat(unknown.denominator()).isNull();
            assertThat(unknown.suppressed()).isFalse();
        }
        MeasureValue none = Fixtures.measure(NOW, "phonics.byEndOfY2MetPercent", y2("P2", "33"));
        assertThat(none.available()).isFalse();
        assertThat(MeasureBook.definitions(Collection.PHONICS)).extracting(MeasureBook.Definition::id)
                .contains("phonics.byEndOfY2MetPercent");
    }

    @Test
    void lastYearsOutcomesNeedLastYearsThreshold() {
        MeasureBook book = new MeasureBook(Suppression.none());
        feed(book.lastYear("S1"), context(Collection.PHONICS, AcademicYear.ofSummer(2025), null), y1("P1", "35"));
        feed(book.school("S1"), NOW, y2("P2", "33"));

        MeasureValue v = find(book.results(), "S1", "phonics.byEndOfY2MetPercent");

        assertThat(v.provisional()).isTrue();
        assertThat(v.denominator()).isEqualTo(2);
        assertThat(v.value()).isNull();
    }

    @Test
    void lastYearMustComeFirst() {
        MeasureBook book = new MeasureBook(Suppression.none());
        feed(book.school("S1"), NOW, y2("P2", "33"));

        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> book.lastYear("S1"));
    }

    private static void assertFigure(MeasureValue v, long met, long cohort) {
        assertThat(v.numerator()).as(v.id() + " " + v.school() + " met").isEqualTo(met);
        assertThat(v.denominator()).as(v.id() + " " + v.school() + " cohort").isEqualTo(cohort);
    }

    private static void feed(PupilListener school, ValidationContext context, AssessedPupil... pupils) {
        Fixtures.feed(school, context, pupils);
    }
}
