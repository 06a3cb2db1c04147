package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.eyfsp;
import static org.openreturns.engine.measures.Fixtures.feed;
import static org.openreturns.engine.measures.Fixtures.find;
import static org.openreturns.engine.measures.Fixtures.pupil;
import static org.openreturns.engine.measures.Fixtures.pupilIn;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;

class MeasureBookTest {

    private static final ValidationContext EYFSP = context(Collection.EYFSP);
    private static final ValidationContext MTC = context(Collection.MTC);

    private static AssessedPupil[] gldChildren(int meeting, int notMeeting) {
        List<AssessedPupil> pupils = new ArrayList<>();
        for (int i = 0; i < meeting; i++) {
            pupils.add(eyfsp("22222222222222222"));
        }
        for (int i = 0; i < notMeeting; i++) {
            pupils.add(eyfsp("11111111111111111"));
        }
        return pupils.toArray(AssessedPupil[]::new);
    }

    private static MeasureValue gldWithSuppression(int minimumCohort, int children) {
        MeasureBook book = new MeasureBook(new Suppression(minimumCohort));
        feed(book.school("s"), EYFSP, gldChildren(1, children - 1));
        return find(book.results(), "s", "eyfsp.gld");
    }

    @Test
    void aCohortBelowTheThresholdIsSuppressedKeepingItsSize() {
        MeasureValue gld = gldWithSuppression(5, 4);

        assertThat(gld.suppressed()).isTrue();
        assertThat(gld.denominator()).isEqualTo(4);
        assertThat(gld.numerator()).isNull();
        assertThat(gld.value()).isNull();
    }

    @Test
    void aCohortAtTheThresholdIsShown() {
        MeasureValue gld = gldWithSuppression(5, 5);

        assertThat(gld.suppressed()).isFalse();
        assertThat(gld.numerator()).isEqualTo(1);
        assertThat(gld.value()).isEqualTo(20.0);
    }

    @Test
    void aCohortAboveTheThresholdIsShown() {
        MeasureValue gld = gldWithSuppression(5, 6);

        assertThat(gld.suppressed()).isFalse();
        assertThat(gld.denominator()).isEqualTo(6);
    }

    @Test
    void anEmptyCohortIsNotSuppressedButHasNoValue() {
        MeasureBook book = new MeasureBook(new Suppression(5));
        feed(book.school("s"), EYFSP, eyfsp("AAAAAAAAAAAAAAAAA"));

        MeasureValue gld = find(book.results(), "s", "eyfsp.gld");

        assertThat(gld.suppressed()).isFalse();
        assertThat(gld.denominator()).isZero();
        assertThat(gld.value()).isNull();
    }

    @Test
    void averagesAreSuppressedToo() {
        MeasureBook book = new MeasureBook(new Suppression(3));
        feed(book.school("s"), MTC, pupil(Collection.MTC, "MTC", "25"), pupil(Collection.MTC, "MTC", "20"),
                pupil(Collection.MTC, "MTC", "A"));

        List<MeasureValue> values = book.results();

        MeasureValue average = find(values, "s", "mtc.averageScore");
        assertThat(average.denominator()).isEqualTo(2);
        assertThat(average.suppressed()).isTrue();
        assertThat(average.numerator()).isNull();
        assertThat(average.value()).isNull();
        assertThat(find(values, "s", "mtc.tookCheckPercent").suppressed()).isFalse();
    }

    @Test
    void noSuppressionShowsEveryCohort() {
        MeasureValue gld = gldWithSuppression(0, 1);

        assertThat(Suppression.none().minimumCohort()).isZero();
        assertThat(gld.suppressed()).isFalse();
        assertThat(gld.value()).isEqualTo(100.0);
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatThrownBy(() -> new Suppression(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void suppressionAppliesToEachSchoolAndToTheTotalSeparately() {
        MeasureBook book = new MeasureBook(new Suppression(5));
        feed(book.school("A"), EYFSP, gldChildren(3, 0));
        feed(book.school("B"), EYFSP, gldChildren(1, 3));

        List<MeasureValue> values = book.results();

        assertThat(find(values, "A", "eyfsp.gld").suppressed()).isTrue();
        assertThat(find(values, "B", "eyfsp.gld").suppressed()).isTrue();
        MeasureValue total = find(values, null, "eyfsp.gld");
        assertThat(total.suppressed()).isFalse();
        assertThat(total.numerator()).isEqualTo(4);
        assertThat(total.denominator()).isEqualTo(7);
    }

    @Test
    void eachSchoolHasItsOwnMeasuresAndTheTotalAddsThemUp() {
        MeasureBook book = new MeasureBook(Suppression.none());
        feed(book.school("A"), EYFSP, gldChildren(3, 1));
        feed(book.school("B"), EYFSP, gldChildren(1, 3));

        List<MeasureValue> values = book.results();

        assertThat(find(values, "A", "eyfsp.gld").value()).isEqualTo(75.0);
        assertThat(find(values, "B", "eyfsp.gld").value()).isEqualTo(25.0);
        assertThat(find(values, null, "eyfsp.gld").value()).isEqualTo(50.0);
        assertThat(find(values, null, "eyfsp.avgElgsExpected").value()).isEqualTo(17.0 * 4 / 8);
    }

    @Test
    void askingForASchoolAgainAddsToTheSameSchool() {
        MeasureBook book = new MeasureBook(Suppression.none());
        feed(book.school("A"), EYFSP, gldChildren(1, 0));
        feed(book.school("A"), EYFSP, gldChildren(0, 1));

        List<MeasureValue> values = book.results();

        assertThat(find(values, "A", "eyfsp.gld").denominator()).isEqualTo(2);
        assertThat(values).extracting(MeasureValue::school).containsOnly("A", null);
    }

    @Test
    void resultsComeByCollectionThenSchoolInFirstAskedOrderThenTheTotal() {
        MeasureBook book = new MeasureBook(Suppression.none());
        PupilListener zeta = book.school("Zeta");
        PupilListener alpha = book.school("Alpha");
        PupilListener middle = book.school("Middle");
        // MTC before EYFSP and Alpha before Zeta in time: neither changes the order.
        feed(alpha, MTC, pupil(Collection.MTC, "MTC", "25"));
        feed(middle, EYFSP, gldChildren(1, 0));
        feed(alpha, EYFSP, gldChildren(1, 0));
        feed(zeta, EYFSP, gldChildren(1, 0));

        List<String> order = book.results().stream()
                .map(v -> v.collection() + " " + (v.school() == null ? "total" : v.school()) + " " + v.id())
                .toList();

        assertThat(order).containsExactly(
                "EYFSP Zeta eyfsp.gld", "EYFSP Zeta eyfsp.all17", "EYFSP Zeta eyfsp.avgElgsExpected",
                "EYFSP Zeta eyfsp.comLit",
                "EYFSP Alpha eyfsp.gld", "EYFSP Alpha eyfsp.all17", "EYFSP Alpha eyfsp.avgElgsExpected",
                "EYFSP Alpha eyfsp.comLit",
                "EYFSP Middle eyfsp.gld", "EYFSP Middle eyfsp.all17", "EYFSP Middle eyfsp.avgElgsExpected",
                "EYFSP Middle eyfsp.comLit",
                "EYFSP total eyfsp.gld", "EYFSP total eyfsp.all17", "EYFSP total eyfsp.avgElgsExpected",
                "EYFSP total eyfsp.comLit",
                "MTC Alpha mtc.averageScore", "MTC Alpha mtc.full25Percent", "MTC Alpha mtc.tookCheckPercent",
                "MTC total mtc.averageScore", "MTC total mtc.full25Percent", "MTC total mtc.tookCheckPercent");
    }

    @Test
    void schoolsFedFromSeveralThreadsAreAllCounted() throws InterruptedException {
        MeasureBook book = new MeasureBook(Suppression.none());
        AssessedPupil met = eyfsp("22222222222222222");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            PupilListener school = book.school("school " + t);
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    school.onPupil(EYFSP, met);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(find(book.results(), null, "eyfsp.gld").denominator()).isEqualTo(20_000);
        assertThat(find(book.results(), "school 3", "eyfsp.gld").numerator()).isEqualTo(5_000);
    }

    @Test
    void aBookWithNoPupilsHasNoResults() {
        MeasureBook book = new MeasureBook(Suppression.none());
        book.school("A");

        assertThat(book.results()).isEmpty();
    }

    @Test
    void everyCollectionHasItsMeasuresWithPlainLabels() {
        MeasureBook book = new MeasureBook(Suppression.none());
        PupilListener school = book.school("s");
        for (Collection c : Collection.values()) {
            school.onPupil(context(c), pupilIn(c, null, null));
        }

        List<MeasureValue> totals = book.results().stream().filter(v -> v.school() == null).toList();

        assertThat(totals).extracting(MeasureValue::id).containsExactly(
                "eyfsp.gld", "eyfsp.all17", "eyfsp.avgElgsExpected", "eyfsp.comLit",
                "phonics.y1MetPercent", "phonics.y2MetPercent", "phonics.byEndOfY2MetPercent",
                "ks1.readingExsPlus", "ks1.writingExsPlus", "ks1.mathsExsPlus", "ks1.scienceExs", "ks1.rwmExsPlus",
                "ks2.writingExsPlus", "ks2.writingGds", "ks2.scienceExs",
                "mtc.averageScore", "mtc.full25Percent", "mtc.tookCheckPercent");
        assertThat(totals).allSatisfy(v -> {
            assertThat(v.label()).isNotBlank().doesNotContain(".");
            assertThat(v.collection().name().toLowerCase().substring(0, 3)).isEqualTo(v.id().substring(0, 3));
        });
    }
}
