package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.eyfsp;
import static org.openreturns.engine.measures.Fixtures.measure;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class EyfspMeasuresTest {

    private static final ValidationContext CONTEXT = context(Collection.EYFSP);

    /** Five children: GLD yes (17 at 2), GLD yes (12), GLD no (E10), GLD no (E03), none at expected. */
    private static AssessedPupil[] cohort() {
        return new AssessedPupil[] {
            eyfsp("22222222222222222"),
            eyfsp("22222222222211111"),
            eyfsp("22222222212222222"),
            eyfsp("22122222222222222"),
            eyfsp("11111111111111111"),
        };
    }

    @Test
    void goodLevelOfDevelopmentNeedsExpectedInE01ToE12() {
        MeasureValue gld = measure(CONTEXT, "eyfsp.gld", cohort());

        assertThat(gld.label()).isEqualTo("Good level of development");
        assertThat(gld.numerator()).isEqualTo(2);
        assertThat(gld.denominator()).isEqualTo(5);
        assertThat(gld.value()).isEqualTo(40.0);
        assertThat(gld.collection()).isEqualTo(Collection.EYFSP);
    }

    @Test
    void allSeventeenNeedsExpectedInEveryGoal() {
        MeasureValue all17 = measure(CONTEXT, "eyfsp.all17", cohort());

        assertThat(all17.numerator()).isEqualTo(1);
        assertThat(all17.value()).isEqualTo(20.0);
    }

    @Test
    void communicationAndLiteracyIgnoresTheOtherGoals() {
        // The E03 child meets it; the E10 (writing) child does not.
        MeasureValue comLit = measure(CONTEXT, "eyfsp.comLit", cohort());

        assertThat(comLit.numerator()).isEqualTo(3);
        assertThat(comLit.value()).isEqualTo(60.0);
    }

    @Test
    void averageNumberOfGoalsAtExpected() {
        MeasureValue average = measure(CONTEXT, "eyfsp.avgElgsExpected", cohort());

        assertThat(average.numerator()).isEqualTo(17 + 12 + 16 + 16 + 0);
        assertThat(average.denominator()).isEqualTo(5);
        assertThat(average.value()).isCloseTo(12.2, within(1e-9));
    }

    @Test
    void childrenWithAMissingOrInvalidGoalAreLeftOutOfEveryMeasure() {
        AssessedPupil[] pupils = {
            eyfsp("22222222222222222"),
            eyfsp("2222222222222222-"),
            eyfsp("22222232222222222"),
            eyfsp("2222222222222222X"),
            eyfsp("aaaaaaaaaaaaaaaaa"),
            Fixtures.pupil(Collection.EYFSP, "E01", null, "E02", "2", "E03", "2", "E04", "2", "E05", "2", "E06", "2",
                    "E07", "2", "E08", "2", "E09", "2", "E10", "2", "E11", "2", "E12", "2", "E13", "2", "E14", "2",
                    "E15", "2", "E16", "2", "E17", "2"),
        };
        for (String id : new String[] {"eyfsp.gld", "eyfsp.all17", "eyfsp.comLit", "eyfsp.avgElgsExpected"}) {
            MeasureValue value = measure(CONTEXT, id, pupils);
            assertThat(value.denominator()).as(id).isEqualTo(1);
        }
    }

    @Test
    void exemptChildrenAreLeftOutByDefault() {
        MeasureValue gld = measure(CONTEXT, "eyfsp.gld", eyfsp("22222222222222222"), eyfsp("AAAAAAAAAAAAAAAAA"));

        assertThat(gld.denominator()).isEqualTo(1);
        assertThat(gld.value()).isEqualTo(100.0);
    }

    @Test
    void exemptChildrenCountAsNotMetWhenTheLaIncludesThem() {
        MeasureBook book = new MeasureBook(Suppression.none(), new MeasureSettings(true));
        AssessedPupil[] pupils = {eyfsp("22222222222222222"), eyfsp("AAAAAAAAAAAAAAAAA")};

        MeasureValue gld = measure(book, CONTEXT, "eyfsp.gld", pupils);

        assertThat(gld.denominator()).isEqualTo(2);
        assertThat(gld.value()).isEqualTo(50.0);
        assertThat(Fixtures.find(book.results(), null, "eyfsp.avgElgsExpected").value()).isEqualTo(8.5);
    }

    @Test
    void aChildWithSomeGoalsAtACountsWithThoseGoalsNotMet() {
        // Some-but-not-all A is an error (eyfsp.allOrNoneA), but every result is a valid code.
        MeasureValue average = measure(CONTEXT, "eyfsp.avgElgsExpected", eyfsp("2222222222222222A"));

        assertThat(average.denominator()).isEqualTo(1);
        assertThat(average.value()).isEqualTo(16.0);
        assertThat(measure(CONTEXT, "eyfsp.gld", eyfsp("2222222222222222A")).value()).isEqualTo(100.0);
    }

    @Test
    void noChildrenCountedGivesNoValue() {
        MeasureValue gld = measure(CONTEXT, "eyfsp.gld", eyfsp("AAAAAAAAAAAAAAAAA"));

        assertThat(gld.denominator()).isZero();
        assertThat(gld.value()).isNull();
        assertThat(gld.suppressed()).isFalse();
    }
}
