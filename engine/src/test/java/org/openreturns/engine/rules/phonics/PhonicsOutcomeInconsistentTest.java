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

class PhonicsOutcomeInconsistentTest {

    private final PhonicsOutcomeInconsistent rule = new PhonicsOutcomeInconsistent(PhonicsCodes.FROM_2012);

    @Test
    void waBelowTheThresholdIsAQueryAndTheMarkDecides() {
        // 2025/26 threshold: 31
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "30", "CHK", "Wa")),
                "phonics.outcomeInconsistent", Severity.QUERY, "CHK");
        assertThat(f.message()).contains("'Wa'").contains("30 is below the threshold of 31 for 2025/26")
                .contains("counts as not meeting the standard");
    }

    @Test
    void wtAtTheThresholdIsAQueryNeverAnErrorWhateverItsCase() {
        assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "WT", "CHK", "31")),
                "phonics.outcomeInconsistent", Severity.QUERY, "CHK");
        assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "40", "CHK", "wt")),
                "phonics.outcomeInconsistent", Severity.QUERY, "CHK");
    }

    @Test
    void anMisPrefillingWtForAMarkOf31In2026GetsAQuery() {
        // 2026 lowered the threshold to 31; an MIS still on 32 writes WT for 31.
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "31", "CHK", "WT")),
                "phonics.outcomeInconsistent", Severity.QUERY, "CHK");
        assertThat(f.message()).contains("counts as meeting the standard");
    }

    @Test
    void bothOutcomesWithAMarkGetOneQueryForTheOneThatDisagrees() {
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "Wa", "CHK", "Wt")),
                "phonics.outcomeInconsistent", Severity.QUERY, "CHK");
        assertThat(f.message()).contains("'Wt'");
    }

    @Test
    void outcomesThatAgreeWithTheMarkPass() {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "31", "CHK", "WA"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "30", "CHK", "Wt"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "30"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "Wa"))).isEmpty();
    }

    @Test
    void theYearsOwnThresholdIsUsed() {
        // 31 meets the 2026 threshold of 31 but not an earlier year's 32.
        assertThat(check(rule, TestPupils.context(PHONICS, 32), withResults(PHONICS, "CHK", "31", "CHK", "Wa")))
                .hasSize(1);
    }

    @Test
    void nothingIsCheckedWhileTheThresholdIsUnknown() {
        assertThat(check(rule, TestPupils.context(PHONICS, null), withResults(PHONICS, "CHK", "5", "CHK", "Wa")))
                .isEmpty();
    }
}
