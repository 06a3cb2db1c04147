package org.openreturns.engine.rules.phonics;

import static org.openreturns.engine.collection.Collection.PHONICS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class PhonicsMarkOutOfRangeTest {

    private final PhonicsMarkOutOfRange rule = new PhonicsMarkOutOfRange(PhonicsCodes.FROM_2012);

    @ParameterizedTest
    @ValueSource(strings = {"41", "-1", "31.5", "32.0", "400"})
    void aNumberThatIsNotAWholeMarkFrom0To40IsAnError(String mark) {
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", mark)), "phonics.markOutOfRange",
                Severity.ERROR, "CHK");
        assertThat(f.message()).contains("the mark " + mark).contains("from 0 to 40");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "31", "40", "Wa", "A", "X"})
    void marks0To40AndCodesPass(String value) {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", value))).isEmpty();
    }

    @Test
    void theSameWrongMarkTwiceIsReportedOnce() {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "41", "CHK", "41"))).hasSize(1);
    }
}
