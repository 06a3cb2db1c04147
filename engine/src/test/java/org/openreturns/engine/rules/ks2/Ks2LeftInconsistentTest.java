package org.openreturns.engine.rules.ks2;

import static org.openreturns.engine.collection.Collection.KS2_TA;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class Ks2LeftInconsistentTest {

    private final Ks2LeftInconsistent rule = new Ks2LeftInconsistent(Ks2TaCodes.FROM_2022);

    @Test
    void leftInWritingButNotScienceIsAQuery() {
        Finding f = assertOne(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "L", "SCI", "EXS")),
                "ks2.leftInconsistent", Severity.QUERY, null);
        assertThat(f.message()).contains("Writing teacher assessment 'L'").contains("Science teacher assessment 'EXS'");
    }

    @Test
    void leftEverywhereOrNowherePasses() {
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "L", "SCI", "L"))).isEmpty();
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "EXS", "SCI", "EXS"))).isEmpty();
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "L"))).isEmpty();
    }

    @Test
    void readingAndMathsDoNotTakeLSoTheyAreNotCompared() {
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "READ", "PK6", "WRIT", "L", "SCI", "L"))).isEmpty();
    }
}
