package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.measure;
import static org.openreturns.engine.measures.Fixtures.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class Ks1MeasuresTest {

    private static final ValidationContext CONTEXT = context(Collection.KS1);

    private static AssessedPupil ks1(String read, String writ, String mat, String sci) {
        return pupil(Collection.KS1, "READ", read, "WRIT", writ, "MAT", mat, "SCI", sci);
    }

    private static AssessedPupil[] cohort() {
        return new AssessedPupil[] {
            ks1("GDS", "EXS", "EXS", "EXS"),
            ks1("EXS", "WTS", "GDS", "HNM"),
            ks1("PK3", "EM", "A", "A"),
            ks1("Q", "EXS", "EXS", "Q"),
            ks1("EXS", "PK5", "EXS", "GDS"),
            pupil(Collection.KS1, "READ", "EXS", "MAT", "EXS"),
        };
    }

    @Test
    void readingCountsEveryValidCodeAndMeetsOnExsOrGds() {
        MeasureValue reading = measure(CONTEXT, "ks1.readingExsPlus", cohort());

        assertThat(reading.denominator()).isEqualTo(6);
        assertThat(reading.numerator()).isEqualTo(4);
        assertThat(reading.label()).isEqualTo("Reading at the expected standard or above");
    }

    @Test
    void writingLeavesOutInvalidAndMissingCodes() {
        // PK5 is not a KS1 code (rules.md §1.3).
        MeasureValue writing = measure(CONTEXT, "ks1.writingExsPlus", cohort());

        assertThat(writing.denominator()).isEqualTo(4);
        assertThat(writing.numerator()).isEqualTo(2);
        assertThat(writing.value()).isEqualTo(50.0);
    }

    @Test
    void maths() {
        MeasureValue maths = measure(CONTEXT, "ks1.mathsExsPlus", cohort());

        assertThat(maths.denominator()).isEqualTo(6);
        assertThat(maths.numerator()).isEqualTo(5);
    }

    @Test
    void scienceMeetsOnlyOnExsAndGdsIsNotAScienceCode() {
        MeasureValue science = measure(CONTEXT, "ks1.scienceExs", cohort());

        assertThat(science.denominator()).isEqualTo(4);
        assertThat(science.numerator()).isEqualTo(1);
        assertThat(science.value()).isEqualTo(25.0);
    }

    @Test
    void combinedNeedsAValidCodeInAllThreeAndExsPlusInAllThree() {
        MeasureValue rwm = measure(CONTEXT, "ks1.rwmExsPlus", cohort());

        assertThat(rwm.denominator()).isEqualTo(4);
        assertThat(rwm.numerator()).isEqualTo(1);
    }
}
