package org.openreturns.engine.rules.mtc;

import static org.openreturns.engine.collection.Collection.MTC;

import org.openreturns.engine.rules.TestPupils;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class MtcMissingTest {

    private final MtcMissing rule = new MtcMissing(MtcCodes.FROM_2024);

    @Test
    void noResultIsAnError() {
        Finding f = assertOne(check(rule, MTC, TestPupils.pupil(MTC).build()), "mtc.missing", Severity.ERROR, "MTC");
        assertThat(f.message()).contains("no result for the Multiplication tables check").contains("0 to 25");
    }

    @Test
    void anEmptyResultIsMissing() {
        assertOne(check(rule, MTC, withResults(MTC, "MTC", null)), "mtc.missing", Severity.ERROR, "MTC");
    }

    @Test
    void aScoreOrACodePasses() {
        assertThat(check(rule, MTC, withResults(MTC, "MTC", "0"))).isEmpty();
        assertThat(check(rule, MTC, withResults(MTC, "MTC", "J"))).isEmpty();
    }
}
