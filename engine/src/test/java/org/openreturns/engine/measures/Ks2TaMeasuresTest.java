package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.measure;
import static org.openreturns.engine.measures.Fixtures.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class Ks2TaMeasuresTest {

    private static final ValidationContext CONTEXT = context(Collection.KS2_TA);

    private static AssessedPupil writing(String code) {
        return pupil(Collection.KS2_TA, "WRIT", code, "SCI", "EXS");
    }

    private static AssessedPupil science(String code) {
        return pupil(Collection.KS2_TA, "WRIT", "EXS", "SCI", code);
    }

    private static AssessedPupil[] writingCohort() {
        return new AssessedPupil[] {
            writing("GDS"), writing("EXS"), writing("exs"), writing("WTS"), writing("PK6"), writing("EM"),
            writing("A"), writing("L"), writing("F"), writing("P"), writing("HNM"), writing("X"),
            pupil(Collection.KS2_TA, "SCI", "EXS"),
        };
    }

    @Test
    void writingExpectedOrAboveLeavesOutLeftFutureAndPreviousYearAndInvalidCodes() {
        // Codes are case-sensitive, as the ks2.invalidCode rule reads them: "exs" is invalid, so left out.
        MeasureValue exsPlus = measure(CONTEXT, "ks2.writingExsPlus", writingCohort());

        assertThat(exsPlus.denominator()).isEqualTo(6);
        assertThat(exsPlus.numerator()).isEqualTo(2);
    }

    @Test
    void writingGreaterDepth() {
        MeasureValue gds = measure(CONTEXT, "ks2.writingGds", writingCohort());

        assertThat(gds.denominator()).isEqualTo(6);
        assertThat(gds.numerator()).isEqualTo(1);
    }

    @Test
    void scienceExpectedCountsHnmAndAbsenceAsNotMet() {
        MeasureValue sci = measure(CONTEXT, "ks2.scienceExs",
                science("EXS"), science("HNM"), science("A"), science("L"), science("F"), science("P"),
                science("GDS"), science("PK2"), pupil(Collection.KS2_TA, "WRIT", "EXS"));

        assertThat(sci.denominator()).isEqualTo(3);
        assertThat(sci.numerator()).isEqualTo(1);
        assertThat(sci.value()).isCloseTo(100.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void readingAndMathsTeacherAssessmentAreNotMeasured() {
        MeasureBook book = new MeasureBook(Suppression.none());
        book.school("s").onPupil(CONTEXT, pupil(Collection.KS2_TA, "READ", "PK6", "MAT", "EM"));

        assertThat(book.results()).extracting(MeasureValue::id).containsOnly("ks2.writingExsPlus",
                "ks2.writingGds", "ks2.scienceExs");
        assertThat(book.results()).extracting(MeasureValue::denominator).containsOnly(0L);
    }
}
