package org.openreturns.engine.rules.mtc;

import static org.openreturns.engine.collection.Collection.MTC;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class MtcInvalidCodeTest {

    @Test
    void aCodeOutsideTheListIsAnError() {
        Finding f = assertOne(check(new MtcInvalidCode(MtcCodes.FROM_2024), MTC, withResults(MTC, "MTC", "W")),
                "mtc.invalidCode", Severity.ERROR, "MTC");
        assertThat(f.message()).contains("'W' is not a valid result for the Multiplication tables check")
                .contains("A, B, J, L, U, Z, X, Q, H or NAA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H", "NAA"})
    void codesAddedIn2024AreErrorsWithTheEarlierList(String code) {
        assertOne(check(new MtcInvalidCode(MtcCodes.BEFORE_2024), MTC, withResults(MTC, "MTC", code)),
                "mtc.invalidCode", Severity.ERROR, "MTC");
        assertThat(check(new MtcInvalidCode(MtcCodes.FROM_2024), MTC, withResults(MTC, "MTC", code))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "J", "L", "Q", "U", "X", "Z", "25", "26"})
    void codesOfBothListsAndNumbersPass(String value) {
        assertThat(check(new MtcInvalidCode(MtcCodes.BEFORE_2024), MTC, withResults(MTC, "MTC", value))).isEmpty();
        assertThat(check(new MtcInvalidCode(MtcCodes.FROM_2024), MTC, withResults(MTC, "MTC", value))).isEmpty();
    }
}
