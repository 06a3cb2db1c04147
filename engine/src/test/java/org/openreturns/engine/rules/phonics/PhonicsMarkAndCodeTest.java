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

class PhonicsMarkAndCodeTest {

    private final PhonicsMarkAndCode rule = new PhonicsMarkAndCode(PhonicsCodes.FROM_2012);

    @Test
    void aMarkWithAReasonIsAnError() {
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "28", "CHK", "A")),
                "phonics.markAndCode", Severity.ERROR, "CHK");
        assertThat(f.message()).contains("both a mark (28) and the code 'A'");
    }

    @Test
    void theOrderDoesNotMatter() {
        assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "d", "CHK", "0")), "phonics.markAndCode",
                Severity.ERROR, "CHK");
    }

    @Test
    void aMarkWithItsOutcomeOrAReasonAlonePass() {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "Wa"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "L"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "12"))).isEmpty();
    }
}
