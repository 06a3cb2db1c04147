package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.eyfsp;
import static org.openreturns.engine.measures.Fixtures.feed;
import static org.openreturns.engine.measures.Fixtures.pupil;
import static org.openreturns.engine.measures.Fixtures.pupilIn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;

/** Distributions counted by hand over hand-built pupils: which pupils count, which bar each lands in. */
class DistributionBookTest {

    private static Distribution find(List<Distribution> results, String school, String id) {
        List<Distribution> found = results.stream()
                .filter(d -> d.id().equals(id) && Objects.equals(d.school(), school)).toList();
        assertThat(found).as(id + " of " + school).hasSize(1);
        return found.get(0);
    }

    /** The bars with pupils, value to count, in bar order. */
    private static Map<String, Long> nonZero(Distribution d) {
        Map<String, Long> bars = new LinkedHashMap<>();
        d.bars().stream().filter(b -> b.pupils() > 0).forEach(b -> bars.put(b.value(), b.pupils()));
        return bars;
    }

    private static Distribution one(ValidationContext context, String id, AssessedPupil... pupils) {
        DistributionBook book = new DistributionBook(Suppression.none());
        feed(book.school("s"), context, pupils);
        Distribution school = find(book.results(), "s", id);
        Distribution total = find(book.results(), null, id);
        assertThat(total.bars()).isEqualTo(school.bars());
        return total;
    }

    @Test
    void eyfspCountsGoalsAtExpectedPerChildOverTheChildrenTheMeasuresCount() {
        Distribution d = one(context(Collection.EYFSP), "eyfsp.elgsExpected",
                eyfsp("22222222222222222"),
                eyfsp("22222222222211111"),
                eyfsp("2222222222221111A"),
                eyfsp("11111111111111111"),
                eyfsp("2222222222222222-"), // a goal missing: not counted
                eyfsp("22222222222222223"), // an invalid code: not counted
                eyfsp("AAAAAAAAAAAAAAAAA")); // exempt: not counted by default

        assertThat(d.pupils()).isEqualTo(4);
        assertThat(d.bars()).hasSize(18).allMatch(Distribution.Bar::onScale);
        assertThat(d.bars().get(0).value()).isEqualTo("0");
        assertThat(d.bars().get(17).value()).isEqualTo("17");
        assertThat(nonZero(d)).containsExactly(Map.entry("0", 1L), Map.entry("12", 2L), Map.entry("17", 1L));
    }

    @Test
    void eyfspCountsExemptChildrenAtZeroWhenTheLaIncludesThem() {
        DistributionBook book = new DistributionBook(Suppression.none(), new MeasureSettings(true));
        feed(book.school("s"), context(Collection.EYFSP), eyfsp("AAAAAAAAAAAAAAAAA"));

        assertThat(nonZero(find(book.results(), null, "eyfsp.elgsExpected"))).containsExactly(Map.entry("0", 1L));
    }

    private static AssessedPupil phonics(String ncYear, String... values) {
        String[] items = new String[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            items[2 * i] = "CHK";
            items[2 * i + 1] = values[i];
        }
        return pupilIn(Collection.PHONICS, ncYear, null, items);
    }

    @Test
    void phonicsCountsYearOneMarksAndEachReasonForNoMarkSeparately() {
        Distribution d = one(context(Collection.PHONICS), "phonics.y1Marks",
                phonics("1", "36", "Wa"),
                phonics("1", "36"),
                phonics("1", "0", "Wt"),
                phonics("1", "40"),
                phonics("1", "A"),
                phonics("1", "d"), // codes are read without regard to case
                phonics("1", "L"),
                phonics("1", "Wa"), // an outcome without a mark: not counted
                phonics("1", "36", "A"), // a mark and a reason contradict: not counted
                phonics("1", "41"), // out of range
                phonics("1", "30", "31"), // two marks
                phonics("2", "20")); // Year 2: not in the Year 1 distribution

        assertThat(d.pupils()).isEqualTo(7);
        assertThat(d.bars()).hasSize(45);
        assertThat(d.bars().stream().filter(b -> !b.onScale()).map(Distribution.Bar::value))
                .containsExactly("A", "D", "L", "Q");
        assertThat(nonZero(d)).containsExactly(Map.entry("0", 1L), Map.entry("36", 2L), Map.entry("40", 1L),
                Map.entry("A", 1L), Map.entry("D", 1L), Map.entry("L", 1L));
    }

    private static AssessedPupil mtc(String result) {
        return pupil(Collection.MTC, "MTC", result);
    }

    @Test
    void mtcCountsScoresAndEachCodeOfTheYear() {
        Distribution d = one(context(Collection.MTC), "mtc.scores",
                mtc("25"), mtc("25"), mtc("0"), mtc("17"), mtc("A"), mtc("NAA"), mtc("H"), mtc("L"),
                mtc("26"), mtc("-1"), mtc("12.5"), mtc("K"), pupil(Collection.MTC));

        assertThat(d.pupils()).isEqualTo(8);
        assertThat(d.bars()).hasSize(26 + 10);
        assertThat(nonZero(d)).containsExactly(Map.entry("0", 1L), Map.entry("17", 1L), Map.entry("25", 2L),
                Map.entry("A", 1L), Map.entry("L", 1L), Map.entry("H", 1L), Map.entry("NAA", 1L));
    }

    @Test
    void mtcBefore2024HasNoBarsForTheCodesAddedIn2024() {
        Distribution d = one(context(Collection.MTC, AcademicYear.ofSummer(2023), null), "mtc.scores",
                mtc("NAA"), mtc("H"), mtc("B"), mtc("20"));

        assertThat(d.bars().stream().map(Distribution.Bar::value)).doesNotContain("NAA", "H").contains("B", "X");
        assertThat(nonZero(d)).containsExactly(Map.entry("20", 1L), Map.entry("B", 1L));
    }

    @Test
    void ks2WritingCountsEveryValidCodeInTheOrderOfTheCodeList() {
        Distribution d = one(context(Collection.KS2_TA), "ks2.writingTa",
                pupil(Collection.KS2_TA, "WRIT", "EXS", "SCI", "EXS"),
                pupil(Collection.KS2_TA, "WRIT", "EXS"),
                pupil(Collection.KS2_TA, "WRIT", "GDS"),
                pupil(Collection.KS2_TA, "WRIT", "PK6"),
                pupil(Collection.KS2_TA, "WRIT", "L"),
                pupil(Collection.KS2_TA, "WRIT", "HNM"), // a science code, not a writing one
                pupil(Collection.KS2_TA, "SCI", "EXS"));

        assertThat(d.pupils()).isEqualTo(5);
        assertThat(d.bars()).noneMatch(Distribution.Bar::onScale);
        assertThat(d.bars().stream().map(Distribution.Bar::value)).containsExactly("GDS", "EXS", "WTS", "PK1", "PK2",
                "PK3", "PK4", "PK5", "PK6", "EM", "A", "L", "F", "P");
        assertThat(nonZero(d)).containsExactly(Map.entry("GDS", 1L), Map.entry("EXS", 2L), Map.entry("PK6", 1L),
                Map.entry("L", 1L));
    }

    @Test
    void ks1CountsReadingWritingAndMathsEachOverItsOwnValidCodes() {
        DistributionBook book = new DistributionBook(Suppression.none());
        feed(book.school("s"), context(Collection.KS1),
                pupil(Collection.KS1, "READ", "EXS", "WRIT", "WTS", "MAT", "GDS"),
                pupil(Collection.KS1, "READ", "EXS", "WRIT", "PK5", "MAT", "Q"),
                pupil(Collection.KS1, "READ", "PK4", "MAT", "GDS"));
        List<Distribution> results = book.results();

        assertThat(results.stream().filter(d -> d.school() == null).map(Distribution::id))
                .containsExactly("ks1.readingTa", "ks1.writingTa", "ks1.mathsTa");
        assertThat(nonZero(find(results, null, "ks1.readingTa")))
                .containsExactly(Map.entry("EXS", 2L), Map.entry("PK4", 1L));
        Distribution writing = find(results, null, "ks1.writingTa");
        assertThat(writing.pupils()).isEqualTo(1);
        assertThat(nonZero(writing)).containsExactly(Map.entry("WTS", 1L));
        assertThat(nonZero(find(results, null, "ks1.mathsTa"))).containsExactly(Map.entry("GDS", 2L),
                Map.entry("Q", 1L));
    }

    @Test
    void eachSchoolHasItsOwnDistributionAndTheTotalAddsThemUp() {
        DistributionBook book = new DistributionBook(Suppression.none());
        ValidationContext ks2 = context(Collection.KS2_TA);
        feed(book.school("a"), ks2, pupil(Collection.KS2_TA, "WRIT", "EXS"), pupil(Collection.KS2_TA, "WRIT", "GDS"));
        feed(book.school("b"), ks2, pupil(Collection.KS2_TA, "WRIT", "EXS"));
        feed(book.school("a"), ks2, pupil(Collection.KS2_TA, "WRIT", "WTS"));
        List<Distribution> results = book.results();

        assertThat(results.stream().map(Distribution::school)).containsExactly("a", "b", null);
        assertThat(nonZero(find(results, "a", "ks2.writingTa"))).containsExactly(Map.entry("GDS", 1L),
                Map.entry("EXS", 1L), Map.entry("WTS", 1L));
        assertThat(nonZero(find(results, "b", "ks2.writingTa"))).containsExactly(Map.entry("EXS", 1L));
        assertThat(nonZero(find(results, null, "ks2.writingTa"))).containsExactly(Map.entry("GDS", 1L),
                Map.entry("EXS", 2L), Map.entry("WTS", 1L));
    }

    @Test
    void aDistributionOverFewerPupilsThanTheThresholdHasNoBarsButKeepsItsSize() {
        DistributionBook book = new DistributionBook(new Suppression(3));
        ValidationContext ks2 = context(Collection.KS2_TA);
        feed(book.school("small"), ks2, pupil(Collection.KS2_TA, "WRIT", "EXS"),
                pupil(Collection.KS2_TA, "WRIT", "GDS"));
        feed(book.school("exact"), ks2, pupil(Collection.KS2_TA, "WRIT", "EXS"),
                pupil(Collection.KS2_TA, "WRIT", "EXS"), pupil(Collection.KS2_TA, "WRIT", "EXS"));
        List<Distribution> results = book.results();

        Distribution small = find(results, "small", "ks2.writingTa");
        assertThat(small.suppressed()).isTrue();
        assertThat(small.pupils()).isEqualTo(2);
        assertThat(small.bars()).isEmpty();
        Distribution exact = find(results, "exact", "ks2.writingTa");
        assertThat(exact.suppressed()).isFalse();
        assertThat(nonZero(exact)).containsExactly(Map.entry("EXS", 3L));
        assertThat(find(results, null, "ks2.writingTa").pupils()).isEqualTo(5);
    }

    @Test
    void pupilsFedFromManyThreadsAtOnceAreAllCounted() throws Exception {
        DistributionBook book = new DistributionBook(Suppression.none());
        ValidationContext mtc = context(Collection.MTC);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int s = 0; s < 8; s++) {
            PupilListener school = book.school("school" + s);
            pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    school.onPupil(mtc, mtc(Integer.toString(i % 26)));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Distribution total = find(book.results(), null, "mtc.scores");
        assertThat(total.pupils()).isEqualTo(8000);
        // 1000 = 38 * 26 + 12: scores 0-11 come 39 times a school, 12-25 38 times
        assertThat(total.bars().get(0).pupils()).isEqualTo(8 * 39);
        assertThat(total.bars().get(25).pupils()).isEqualTo(8 * 38);
    }
}
