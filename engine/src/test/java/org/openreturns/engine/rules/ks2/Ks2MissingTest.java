package org.openreturns.engine.rules.ks2;

import static org.openreturns.engine.collection.Collection.KS2_TA;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class Ks2MissingTest {

    private final Ks2Missing rule = new Ks2Missing(Ks2TaCodes.FROM_2022);

    @Test
    void missingWritingIsAnError() {
        Finding f = assertOne(check(rule, KS2_TA, withResults(KS2_TA, "SCI", "EXS")), "ks2.missing",
                Severity.ERROR, "WRIT");
        assertThat(f.message()).contains("no result for Writing teacher assessment")
                .contains("GDS, EXS, WTS, PK1 to PK6, EM, A, L, F or P");
    }

    @Test
    void anEmptyScienceResultIsMissing() {
        assertOne(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "EXS", "SCI", null)), "ks2.missing",
                Severity.ERROR, "SCI");
    }

    @Test
    void readingAndMathsAreNotRequired() {
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "GDS", "SCI", "EXS"))).isEmpty();
    }
}
