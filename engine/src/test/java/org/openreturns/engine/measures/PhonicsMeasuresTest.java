package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.measure;
import static org.openreturns.engine.measures.Fixtures.pupilIn;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class PhonicsMeasuresTest {

    /** 2026 threshold mark (reference/rules.md §0.1). */
    private static final ValidationContext CONTEXT = context(Collection.PHONICS, 31);

    private static AssessedPupil year1(String... results) {
        return pupilIn(Collection.PHONICS, "1", "2020-01-15", results);
    }

    private static AssessedPupil year2(String... results) {
        return pupilIn(Collection.PHONICS, "2", "2019-01-15", results);
    }

    @Test
    void metIsAMarkAtOrAboveTheThresholdOverMarksAndCodesADQ() {
        MeasureValue y1 = measure(CONTEXT, "phonics.y1MetPercent",
                year1("CHK", "31"), year1("CHK", "30"), year1("CHK", "40"), year1("CHK", "0"),
                year1("CHK", "A"), year1("CHK", "D"), year1("CHK", "q"));

        assertThat(y1.numerator()).isEqualTo(2);
        assertThat(y1.denominator()).isEqualTo(7);
        assertThat(y1.value()).isCloseTo(100.0 * 2 / 7, within(1e-9));
        assertThat(y1.provisional()).isFalse();
    }

    @Test
    void leftNoResultInvalidResultsAndOutcomeWithoutAMarkAreLeftOut() {
        MeasureValue y1 = measure(CONTEXT, "phonics.y1MetPercent",
                year1("CHK", "35"),
                year1("CHK", "L"),
                year1(),
                year1("CHK", null),
                year1("CHK", "Wa"),
                year1("CHK", "Wt"),
                year1("CHK", "41"),
                year1("CHK", "31.5"),
                year1("CHK", "X"),
                year1("CHK", "32", "CHK", "A"),
                year1("CHK", "32", "CHK", "20"));

        assertThat(y1.denominator()).isEqualTo(1);
        assertThat(y1.numerator()).isEqualTo(1);
    }

    @Test
    void anOutcomeBesideAMarkIsIgnoredAndTheMarkUsed() {
        // Wt disagrees with the mark (a phonics.outcomeInconsistent query); the DfE derives the outcome from the mark.
        MeasureValue y1 = measure(CONTEXT, "phonics.y1MetPercent",
                year1("CHK", "35", "CHK", "Wt"), year1("CHK", "20", "CHK", "WA"));

        assertThat(y1.denominator()).isEqualTo(2);
        assertThat(y1.numerator()).isEqualTo(1);
    }

    @Test
    void yearTwoIsCountedApartFromYearOne() {
        AssessedPupil[] pupils = {year1("CHK", "35"), year2("CHK", "20"), year2("CHK", "33"), year2("CHK", "D")};

        MeasureValue y2 = measure(CONTEXT, "phonics.y2MetPercent", pupils);

        assertThat(y2.numerator()).isEqualTo(1);
        assertThat(y2.denominator()).isEqualTo(3);
        assertThat(measure(CONTEXT, "phonics.y1MetPercent", pupils).denominator()).isEqualTo(1);
    }

    @Test
    void withoutNcYearTheDateOfBirthPlacesAYear1PupilButNoYear2ReTaker() {
        // 2025/26: Year 1 born 2019-09-01..2020-08-31, Year 2 born 2018-09-01..2019-08-31 (rules.md §2.1).
        AssessedPupil[] pupils = {
            pupilIn(Collection.PHONICS, null, "2019-09-01", "CHK", "35"),
            pupilIn(Collection.PHONICS, null, "2020-08-31", "CHK", "10"),
            pupilIn(Collection.PHONICS, null, "2019-08-31", "CHK", "35"),
            pupilIn(Collection.PHONICS, null, "2017-08-31", "CHK", "35"),
            pupilIn(Collection.PHONICS, null, "not a date", "CHK", "35"),
            pupilIn(Collection.PHONICS, null, null, "CHK", "35"),
        };

        MeasureValue y1 = measure(CONTEXT, "phonics.y1MetPercent", pupils);
        MeasureValue y2 = measure(CONTEXT, "phonics.y2MetPercent", pupils);

        assertThat(y1.denominator()).isEqualTo(2);
        assertThat(y1.numerator()).isEqualTo(1);
        // Year 1 goes by age; a Year 2 re-taker must be recorded in Year 2 (rules.md §1.2).
        assertThat(y2.denominator()).isZero();
    }

    @Test
    void ncYearOverridesTheDateOfBirthAndOtherYearGroupsAreNotCounted() {
        AssessedPupil[] pupils = {
            pupilIn(Collection.PHONICS, "2", "2020-01-15", "CHK", "35"),
            pupilIn(Collection.PHONICS, "3", "2020-01-15", "CHK", "35"),
            pupilIn(Collection.PHONICS, "R", "2020-01-15", "CHK", "35"),
        };

        assertThat(measure(CONTEXT, "phonics.y1MetPercent", pupils).denominator()).isZero();
        assertThat(measure(CONTEXT, "phonics.y2MetPercent", pupils).denominator()).isEqualTo(1);
    }

    @Test
    void withoutAThresholdTheMeasureIsProvisionalButPupilsAreCounted() {
        ValidationContext unknown = context(Collection.PHONICS, null);

        MeasureValue y1 = measure(unknown, "phonics.y1MetPercent", year1("CHK", "35"), year1("CHK", "A"),
                year1("CHK", "L"));

        assertThat(y1.provisional()).isTrue();
        assertThat(y1.denominator()).isEqualTo(2);
        assertThat(y1.numerator()).isNull();
        assertThat(y1.value()).isNull();
        assertThat(y1.suppressed()).isFalse();
    }

    @Test
    void aThresholdSetByTheLaIsUsed() {
        MeasureValue y1 = measure(context(Collection.PHONICS, 36), "phonics.y1MetPercent", year1("CHK", "35"),
                year1("CHK", "36"));

        assertThat(y1.numerator()).isEqualTo(1);
    }
}
