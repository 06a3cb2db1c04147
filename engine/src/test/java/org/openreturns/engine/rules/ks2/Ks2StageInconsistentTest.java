package org.openreturns.engine.rules.ks2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.collection.Collection.KS2_TA;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class Ks2StageInconsistentTest {

    private final Ks2StageInconsistent rule = new Ks2StageInconsistent(Ks2TaCodes.FROM_2022);

    @Test
    void futureYearInWritingButAResultInScienceIsAQuery() {
        Finding f = assertOne(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "F", "SCI", "EXS")),
                "ks2.stageInconsistent", Severity.QUERY, null);
        assertThat(f.message()).contains("Writing teacher assessment 'F'").contains("Science teacher assessment 'EXS'");
    }

    @Test
    void futureInOneSubjectAndPreviousInTheOtherIsAQuery() {
        assertOne(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "P", "SCI", "F")), "ks2.stageInconsistent",
                Severity.QUERY, null);
    }

    @Test
    void theSameCodeInBothOrNeitherPasses() {
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "F", "SCI", "F"))).isEmpty();
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "P", "SCI", "P"))).isEmpty();
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "EXS", "SCI", "HNM"))).isEmpty();
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "F"))).isEmpty();
    }
}
