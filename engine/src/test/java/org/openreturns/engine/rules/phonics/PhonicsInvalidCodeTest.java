package org.openreturns.engine.rules.phonics;

import static org.openreturns.engine.collection.Collection.PHONICS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class PhonicsInvalidCodeTest {

    private final PhonicsInvalidCode rule = new PhonicsInvalidCode(PhonicsCodes.FROM_2012);

    @ParameterizedTest
    @ValueSource(strings = {"X", "W", "Met", "B", "35a"})
    void aCodeOutsideTheListIsAnError(String code) {
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", code)), "phonics.invalidCode",
                Severity.ERROR, "CHK");
        assertThat(f.message()).contains("'" + code + "' is not a valid result for the Phonics screening check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wa", "WA", "wa", "Wt", "WT", "A", "D", "L", "Q", "d", "35", "41"})
    void outcomesReasonsAndNumbersPassWhateverTheirCase(String value) {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", value))).isEmpty();
    }
}
