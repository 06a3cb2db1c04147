package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.TestPupils;

class ResultCodesTest {

    @Test
    void numbersAreTakenAsMarksWhetherOrNotTheyAreWhole() {
        assertThat(ResultCodes.isNumeric("35")).isTrue();
        assertThat(ResultCodes.isNumeric("-1")).isTrue();
        assertThat(ResultCodes.isNumeric("31.5")).isTrue();
        assertThat(ResultCodes.isNumeric("Wa")).isFalse();
        assertThat(ResultCodes.isNumeric("3a")).isFalse();
        assertThat(ResultCodes.isNumeric(null)).isFalse();
    }

    @Test
    void onlyWholeNumbersHaveAValue() {
        assertThat(ResultCodes.wholeNumber("35")).isEqualTo(35);
        assertThat(ResultCodes.wholeNumber("-1")).isEqualTo(-1);
        assertThat(ResultCodes.wholeNumber("31.0")).isNull();
        assertThat(ResultCodes.wholeNumber("99999999999")).isNull();
        assertThat(ResultCodes.wholeNumber("A")).isNull();
    }

    @Test
    void codeListsReadAsEnglish() {
        assertThat(ResultCodes.oneOf(List.of("GDS", "EXS", "WTS", "PK1", "PK2", "PK3", "PK4", "PK5", "PK6", "EM", "A",
                "L", "F", "P"))).isEqualTo("GDS, EXS, WTS, PK1 to PK6, EM, A, L, F or P");
        assertThat(ResultCodes.oneOf(List.of("1", "2", "A"))).isEqualTo("1, 2 or A");
        assertThat(ResultCodes.oneOf(List.of("PK1", "PK2", "A"))).isEqualTo("PK1, PK2 or A");
        assertThat(ResultCodes.oneOf(List.of("A"))).isEqualTo("A");
    }

    @Test
    void itemsAreNamedByTheirLabel() {
        assertThat(ResultCodes.label(TestPupils.context(Collection.KS2_TA), "WRIT"))
                .isEqualTo("Writing teacher assessment");
        assertThat(ResultCodes.label(TestPupils.context(Collection.EYFSP), "E07")).isEqualTo("Fine motor skills");
        assertThat(ResultCodes.label(TestPupils.context(Collection.EYFSP), "ZZZ")).isEqualTo("ZZZ");
    }
}
