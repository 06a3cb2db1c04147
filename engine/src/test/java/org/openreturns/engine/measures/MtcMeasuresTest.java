package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.measure;
import static org.openreturns.engine.measures.Fixtures.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class MtcMeasuresTest {

    private static final ValidationContext CONTEXT = context(Collection.MTC);

    private static AssessedPupil mtc(String result) {
        return pupil(Collection.MTC, "MTC", result);
    }

    /** Takers 25, 25, 20, 0; eligible non-takers A, NAA; left out L, Z, 26, 12.5, -1, K, b (codes are upper case). */
    private static AssessedPupil[] cohort() {
        return new AssessedPupil[] {
            mtc("25"), mtc("25"), mtc("20"), mtc("0"), mtc("A"), mtc("NAA"),
            mtc("L"), mtc("Z"), mtc("26"), mtc("12.5"), mtc("-1"), mtc("K"), mtc("b"), mtc(null), pupil(Collection.MTC),
        };
    }

    @Test
    void averageScoreIsAmongPupilsWhoTookTheCheck() {
        MeasureValue average = measure(CONTEXT, "mtc.averageScore", cohort());

        assertThat(average.numerator()).isEqualTo(70);
        assertThat(average.denominator()).isEqualTo(4);
        assertThat(average.value()).isCloseTo(17.5, within(1e-9));
    }

    @Test
    void fullMarksIsOverEligiblePupilsNotJustTakers() {
        MeasureValue full = measure(CONTEXT, "mtc.full25Percent", cohort());

        assertThat(full.numerator()).isEqualTo(2);
        assertThat(full.denominator()).isEqualTo(6);
    }

    @Test
    void tookTheCheckIsOverEligiblePupils() {
        MeasureValue took = measure(CONTEXT, "mtc.tookCheckPercent", cohort());

        assertThat(took.numerator()).isEqualTo(4);
        assertThat(took.denominator()).isEqualTo(6);
        assertThat(took.value()).isCloseTo(400.0 / 6, within(1e-9));
    }

    @Test
    void codesAddedIn2024AreNotValidBefore() {
        ValidationContext y2023 = context(Collection.MTC, AcademicYear.ofSummer(2023), null);

        MeasureValue took = measure(y2023, "mtc.tookCheckPercent", mtc("25"), mtc("H"), mtc("NAA"), mtc("Q"));

        assertThat(took.denominator()).isEqualTo(2);
        assertThat(measure(CONTEXT, "mtc.tookCheckPercent", mtc("25"), mtc("H"), mtc("NAA"), mtc("Q"))
                .denominator()).isEqualTo(4);
    }
}
