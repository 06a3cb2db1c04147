package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.feed;
import static org.openreturns.engine.measures.Fixtures.find;
import static org.openreturns.engine.measures.Fixtures.pupil;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfPupil.Characteristics;
import org.openreturns.engine.ctf.CtfPupil.FsmPeriod;
import org.openreturns.engine.measures.PupilGroup.Breakdown;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class GroupedMeasureBookTest {

    private static final ValidationContext MTC = context(Collection.MTC);
    private static final Characteristics FSM_NOW = new Characteristics(
            List.of(new FsmPeriod("2023-09-01", null, "ENG")), null, null, null);
    private static final Characteristics NEVER_FSM = new Characteristics(List.of(), null, null, null);
    private static final Characteristics LOOKED_AFTER = new Characteristics(null, null, null, true);

    private static AssessedPupil mtc(String sex, Characteristics c, String score) {
        AssessedPupil p = pupil(Collection.MTC, "MTC", score);
        CtfPupil raw = p.pupil();
        return new AssessedPupil(new CtfPupil(raw.upn(), raw.surname(), raw.forename(), raw.dob(), sex,
                raw.ncYearActual(), raw.assessments(), raw.line(), c), p.results());
    }

    /**
     * School a: girl FSM 25, girl never FSM 20, boy FSM 10, boy with no characteristics 25, looked-after girl A
     * (eligible, did not take the check). School b: boy never FSM 15, girl never FSM 25. Suppressed below 3.
     */
    private static GroupedMeasureBook book() {
        GroupedMeasureBook book = new GroupedMeasureBook(new Suppression(3));
        feed(book.school("a"), MTC, mtc("F", FSM_NOW, "25"), mtc("F", NEVER_FSM, "20"), mtc("M", FSM_NOW, "10"),
                mtc("M", null, "25"), mtc("F", LOOKED_AFTER, "A"));
        feed(book.school("b"), MTC, mtc("M", NEVER_FSM, "15"), mtc("F", NEVER_FSM, "25"));
        return book;
    }

    @Test
    void eachGroupHasTheEngineMeasuresOverItsPupils() {
        GroupedMeasureBook book = book();

        List<MeasureValue> girls = book.results(PupilGroup.GIRLS);
        MeasureValue girlsFull = find(girls, null, "mtc.full25Percent");
        assertThat(girlsFull.numerator()).isEqualTo(2);
        assertThat(girlsFull.denominator()).isEqualTo(4);
        assertThat(find(girls, null, "mtc.averageScore").value()).isCloseTo(70.0 / 3, within(1e-9));
        assertThat(find(girls, "a", "mtc.full25Percent").value()).isCloseTo(100.0 / 3, within(1e-9));

        List<MeasureValue> disadvantaged = book.results(PupilGroup.DISADVANTAGED);
        MeasureValue took = find(disadvantaged, null, "mtc.tookCheckPercent");
        assertThat(took.numerator()).isEqualTo(2);
        assertThat(took.denominator()).isEqualTo(3);
        assertThat(disadvantaged).noneMatch(v -> "b".equals(v.school()));

        MeasureValue notDisadvantagedAverage = find(book.results(PupilGroup.NOT_DISADVANTAGED), null,
                "mtc.averageScore");
        assertThat(notDisadvantagedAverage.value()).isCloseTo(20.0, within(1e-9));
        assertThat(notDisadvantagedAverage.denominator()).isEqualTo(3);
    }

    @Test
    void aGroupUnderTheThresholdIsSuppressedAsTheEngineSuppresses() {
        GroupedMeasureBook book = book();

        // The disadvantaged average is over the two who took the check: under 3, so hidden.
        MeasureValue average = find(book.results(PupilGroup.DISADVANTAGED), "a", "mtc.averageScore");
        assertThat(average.suppressed()).isTrue();
        assertThat(average.value()).isNull();
        assertThat(average.denominator()).isEqualTo(2);
        MeasureValue boyAtB = find(book.results(PupilGroup.BOYS), "b", "mtc.tookCheckPercent");
        assertThat(boyAtB.suppressed()).isTrue();
        assertThat(boyAtB.denominator()).isEqualTo(1);
        assertThat(find(book.results(PupilGroup.BOYS), null, "mtc.tookCheckPercent").suppressed()).isFalse();
    }

    @Test
    void pupilsWhoseFileLacksABreakdownAreInNoGroupOfItAndCounted() {
        GroupedMeasureBook book = book();

        assertThat(book.pupils("a")).isEqualTo(5);
        assertThat(book.pupils(null)).isEqualTo(7);
        assertThat(book.pupilsWithout("a", Breakdown.SEX)).isZero();
        assertThat(book.pupilsWithout("a", Breakdown.DISADVANTAGE)).isEqualTo(1);
        assertThat(book.pupilsWithout("b", Breakdown.SEN)).isEqualTo(2);
        assertThat(book.pupilsWithout(null, Breakdown.EAL)).isEqualTo(7);
        assertThat(book.results(PupilGroup.NO_SEN)).isEmpty();
        assertThat(book.pupilsWithout("nobody", Breakdown.SEX)).isZero();
    }
}
