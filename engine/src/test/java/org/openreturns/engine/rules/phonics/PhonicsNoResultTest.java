package org.openreturns.engine.rules.phonics;

import static org.openreturns.engine.collection.Collection.PHONICS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class PhonicsNoResultTest {

    private final PhonicsNoResult rule = new PhonicsNoResult(PhonicsCodes.FROM_2012);

    @Test
    void aPupilWithNoResultIsAnError() {
        Finding f = assertOne(check(rule, PHONICS, TestPupils.pupil(PHONICS).build()), "phonics.noResult",
                Severity.ERROR, "CHK");
        assertThat(f.message()).contains("no result for the Phonics screening check")
                .contains("A, D, L or Q");
    }

    @Test
    void anEmptyResultOrAnOutcomeAloneIsNotAResult() {
        assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", null)), "phonics.noResult", Severity.ERROR,
                "CHK");
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "Wa")), "phonics.noResult",
                Severity.ERROR, "CHK");
        assertThat(f.message()).contains("no mark");
    }

    @Test
    void aMarkOrAReasonPasses() {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "35"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "Wa"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "D"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "q"))).isEmpty();
    }
}
