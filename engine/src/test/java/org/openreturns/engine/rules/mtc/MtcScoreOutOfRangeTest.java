package org.openreturns.engine.rules.mtc;

import static org.openreturns.engine.collection.Collection.MTC;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class MtcScoreOutOfRangeTest {

    private final MtcScoreOutOfRange rule = new MtcScoreOutOfRange(MtcCodes.FROM_2024);

    @ParameterizedTest
    @ValueSource(strings = {"26", "-1", "24.5", "100"})
    void aNumberThatIsNotAWholeScoreFrom0To25IsAnError(String score) {
        Finding f = assertOne(check(rule, MTC, withResults(MTC, "MTC", score)), "mtc.scoreOutOfRange",
                Severity.ERROR, "MTC");
        assertThat(f.message()).contains("the score " + score).contains("from 0 to 25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "21", "25", "A", "NAA", "bogus"})
    void scores0To25AndCodesPass(String value) {
        assertThat(check(rule, MTC, withResults(MTC, "MTC", value))).isEmpty();
    }
}
